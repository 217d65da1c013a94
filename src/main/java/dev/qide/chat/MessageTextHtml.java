package dev.qide.chat;

/**
 * A reply's plain text as HTML text that the page's parser turns back into exactly that text: markup characters
 * escaped, and CR written as a character reference (the parser reads a raw CR, or CRLF, as LF).
 */
final class MessageTextHtml {

    private MessageTextHtml() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
