package dev.qide.web.malformed;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Looks through every text column for what a database cannot keep: NUL (PostgreSQL refuses it, so a request that
 * stores one fails there) and half a surrogate pair (not Unicode; PostgreSQL's driver turns it into "?"). H2 keeps
 * both, so on H2 this finds what would break on PostgreSQL; on PostgreSQL such a request already failed loudly.
 */
final class StoredTextScan {

    /** A value stored with one of the sweep's markers ({@code sw123}) and text no database should hold. */
    record Finding(String column, int probeId, String excerpt) {}

    private static final Pattern MARKER = Pattern.compile("sw(\\d+)");
    /** Java's regular expressions see a paired surrogate as one code point: this matches only lone halves. */
    private static final String UNSTORABLE = "[\\x{0}\\x{D800}-\\x{DFFF}]";

    private StoredTextScan() {}

    static List<Finding> scan(DataSource dataSource) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            if (!metadata.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
                return findings;
            }
            for (String[] column : textColumns(metadata)) {
                String sql = "SELECT \"" + column[1] + "\" FROM \"" + column[0] + "\" WHERE REGEXP_LIKE(\"" + column[1]
                        + "\", '" + UNSTORABLE + "')";
                try (PreparedStatement query = connection.prepareStatement(sql);
                        ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String value = rows.getString(1);
                        Matcher marker = MARKER.matcher(value);
                        int probe = marker.find() ? Integer.parseInt(marker.group(1)) : -1;
                        findings.add(new Finding(column[0] + "." + column[1], probe, excerpt(value)));
                    }
                }
            }
        }
        return findings;
    }

    private static List<String[]> textColumns(DatabaseMetaData metadata) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rows = metadata.getColumns(null, "PUBLIC", "%", "%")) {
            while (rows.next()) {
                String type = rows.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
                    columns.add(new String[] {rows.getString("TABLE_NAME"), rows.getString("COLUMN_NAME")});
                }
            }
        }
        return columns;
    }

    private static String excerpt(String value) {
        String visible = value.codePoints()
                .limit(80)
                .mapToObj(point -> point == 0
                        ? "\\u0000"
                        : Character.isSurrogate((char) point)
                                ? String.format("\\u%04x", point)
                                : Character.toString(point))
                .reduce("", String::concat);
        return value.length() > 80 ? visible + "…" : visible;
    }
}
