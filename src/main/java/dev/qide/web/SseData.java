package dev.qide.web;

/**
 * An event's data written so that a browser's EventSource reads it back exactly. Quarkus REST writes each line of
 * the data as {@code data:} and the line, starting a new line at every CR and LF; EventSource drops one space after
 * the colon and reads CRLF, LF and CR alike as line ends. So the data may hold no CR (encode it first: JSON escapes
 * it, HTML text writes it as {@code &#13;}), and every line is given one leading space for the reader to drop.
 */
public final class SseData {

    private SseData() {}

    /** {@code text} (lines separated by LF only) ready for an event's data. */
    public static String of(String text) {
        if (text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("Event data cannot carry a CR; encode it first");
        }
        return " " + text.replace("\n", "\n ");
    }
}
