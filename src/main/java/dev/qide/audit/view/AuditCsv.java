package dev.qide.audit.view;

import dev.qide.audit.AuditEvent;
import dev.qide.audit.AuditTimes;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Audit records as CSV lines (RFC 4180: CRLF line ends, a field with a comma, quote or line break in double quotes,
 * quotes doubled). A field that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, so an actor's name or a team name cannot become a formula in the auditor's
 * spreadsheet. Written here rather than with a library: no CSV library is in the build, and writing needs only this.
 */
final class AuditCsv {

    static final String LINE_END = "\r\n";
    static final String HEADER = line("id", "time_utc", "actor", "action", "target", "detail", "ip_address");

    private AuditCsv() {}

    static String row(AuditEvent event) {
        return line(
                event.id.toString(),
                AuditTimes.iso(event.createdAt),
                event.actorEmail,
                event.action,
                event.target,
                event.detail,
                event.ipAddress);
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static String line(String... values) {
        return Arrays.stream(values).map(AuditCsv::field).collect(Collectors.joining(",")) + LINE_END;
    }
}
