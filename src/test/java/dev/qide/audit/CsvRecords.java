package dev.qide.audit;

import java.util.ArrayList;
import java.util.List;

/** Reads CSV the way RFC 4180 describes it (quoted fields, doubled quotes, CRLF records), to check the export. */
public final class CsvRecords {

    private CsvRecords() {}

    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '\r' || c == '"') {
                throw new IllegalArgumentException("Not RFC 4180: bare " + (int) c + " at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("Not RFC 4180: a quoted field is not closed");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            throw new IllegalArgumentException("Not RFC 4180: the last record does not end with CRLF");
        }
        return records;
    }
}
