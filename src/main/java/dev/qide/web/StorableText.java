package dev.qide.web;

/**
 * Text that a database can keep as it was sent: no NUL (PostgreSQL refuses it in text, even as a query parameter) and
 * no half of a surrogate pair (not a character at all; PostgreSQL's driver would store "?" instead). Every input that
 * may be stored or searched is held to this: see {@link StorableInputFilter} (forms, query, path) and {@link
 * JsonInputRules} (JSON bodies).
 */
public final class StorableText {

    /** What people are told, after the name of the field. */
    public static final String RULE =
            "cannot hold the NUL character (U+0000) or half of a character (a lone UTF-16 surrogate).";

    private StorableText() {}

    public static boolean isStorable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
