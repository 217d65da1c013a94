package dev.qide.project;

import java.util.Locale;

/** SQL LIKE patterns built from what a person typed, with the wildcard characters taken literally. */
final class LikePatterns {

    private LikePatterns() {}

    /** Escapes {@code \}, {@code %} and {@code _} for a query that says {@code escape '\'}. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Matches any lower-cased text containing {@code search}; blank matches everything. */
    static String containing(String search) {
        return "%" + escape(search == null ? "" : search.strip().toLowerCase(Locale.ROOT)) + "%";
    }
}
