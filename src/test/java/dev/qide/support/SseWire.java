package dev.qide.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An event stream byte for byte: fetched whole (the stream must end), decoded as strict UTF-8, and parsed exactly as
 * the WHATWG HTML standard tells a browser's EventSource to ("Interpreting an event stream"): lines end at CRLF, LF
 * or CR; a field is split at the first colon and one leading U+0020 is dropped from its value; data lines are
 * joined with LF; a blank line dispatches.
 */
public final class SseWire {

    /** One dispatched event: its type ("message" unless named), the last event id seen, and its data. */
    public record Event(String type, String lastEventId, String data) {}

    /** The answer to a stream request: its status, Content-Type and whole body. */
    public record Answer(int status, String contentType, String body) {}

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SseWire() {}

    /** Sends {@code request} and reads the stream to its end (30 s at most); a malformed UTF-8 byte fails. */
    public static Answer fetch(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .get(30, TimeUnit.SECONDS);
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                strictUtf8(response.body()));
    }

    /** The events a browser dispatches for {@code stream}; an unterminated last event is dropped, as it does. */
    public static List<Event> parse(String stream) {
        List<Event> events = new ArrayList<>();
        String type = "";
        String lastEventId = "";
        StringBuilder data = new StringBuilder();
        int position = stream.startsWith("\uFEFF") ? 1 : 0;
        while (position < stream.length()) {
            int end = position;
            while (end < stream.length() && stream.charAt(end) != '\r' && stream.charAt(end) != '\n') {
                end++;
            }
            if (end == stream.length()) {
                break; // a line without its end: pending data is discarded at the end of the stream
            }
            String line = stream.substring(position, end);
            position = end + (stream.startsWith("\r\n", end) ? 2 : 1);
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    data.setLength(data.length() - 1);
                    events.add(new Event(type.isEmpty() ? "message" : type, lastEventId, data.toString()));
                }
                type = "";
                data.setLength(0);
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> type = value;
                case "data" -> data.append(value).append('\n');
                case "id" -> lastEventId = value.indexOf('\0') < 0 ? value : lastEventId;
                default -> {
                    // "retry" only tunes reconnection; anything else is ignored by the standard
                }
            }
        }
        return events;
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
