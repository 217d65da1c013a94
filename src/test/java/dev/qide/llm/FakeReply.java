package dev.qide.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What {@link FakeLlmServer} answers to one request: a recorded transcript, a reply generated in the provider's wire
 * format, or an error; optionally slowed down, cut, ended early or left hanging. Immutable: each method returns a copy.
 */
public final class FakeReply {

    /** Fixtures live in {@code src/test/resources/fixtures/llm/} (see SOURCES.md there). */
    public static final String FIXTURES = "/fixtures/llm/";

    private final int status;
    private final String errorBody;
    private final BiFunction<WireFormat, String, List<String>> events;
    private final Duration delay;
    private final int cutAfter;
    private final int hangAfter;
    private final int endAfter;
    private final boolean silentBeforeHeaders;
    private final Map<String, String> headers;

    private FakeReply(
            int status,
            String errorBody,
            BiFunction<WireFormat, String, List<String>> events,
            Duration delay,
            int cutAfter,
            int hangAfter,
            int endAfter,
            boolean silentBeforeHeaders,
            Map<String, String> headers) {
        this.status = status;
        this.errorBody = errorBody;
        this.events = events;
        this.delay = delay;
        this.cutAfter = cutAfter;
        this.hangAfter = hangAfter;
        this.endAfter = endAfter;
        this.silentBeforeHeaders = silentBeforeHeaders;
        this.headers = headers;
    }

    /** Replays a recorded {@code .sse} transcript byte for byte, event by event, whatever the provider prefix. */
    public static FakeReply fixture(String file) {
        List<String> recorded = splitEvents(read(file));
        return stream((wire, model) -> recorded);
    }

    /**
     * A reply of {@code text} cut into {@code tokens} pieces, in the wire format of the provider it is served for,
     * naming the requested model, reporting 10 input tokens and {@code tokens} output tokens.
     */
    public static FakeReply text(String text, int tokens) {
        return text(text, tokens, 10, tokens);
    }

    /** As {@link #text(String, int)}, reporting the given usage. */
    public static FakeReply text(String text, int tokens, int inputTokens, int outputTokens) {
        List<String> pieces = FakeWire.split(text, tokens);
        return stream((wire, model) -> FakeWire.events(wire, model, pieces, inputTokens, outputTokens));
    }

    /** Sends exactly these SSE events (each should end with a blank line): for a shape no fixture has. */
    public static FakeReply events(String... sseEvents) {
        List<String> given = List.of(sseEvents);
        return stream((wire, model) -> given);
    }

    /** HTTP {@code status} with a recorded error body (a {@code .json} fixture). */
    public static FakeReply error(int status, String fixtureFile) {
        return errorJson(status, read(fixtureFile));
    }

    /** HTTP {@code status} with {@code json} as the body. */
    public static FakeReply errorJson(int status, String json) {
        return new FakeReply(status, json, null, Duration.ZERO, -1, -1, -1, false, Map.of());
    }

    /** Accepts the request and never answers, not even the status line (until the client gives up). */
    public static FakeReply silentBeforeHeaders() {
        return new FakeReply(200, null, (wire, model) -> List.of(), Duration.ZERO, -1, -1, -1, true, Map.of());
    }

    private static FakeReply stream(BiFunction<WireFormat, String, List<String>> events) {
        return new FakeReply(200, null, events, Duration.ZERO, -1, -1, -1, false, Map.of());
    }

    /** Waits {@code delay} before each event (also the first) and before a cut, hang or end. */
    public FakeReply delay(Duration delay) {
        return new FakeReply(
                status, errorBody, events, delay, cutAfter, hangAfter, endAfter, silentBeforeHeaders, headers);
    }

    /** Drops the connection abruptly after {@code count} events (0: right after the headers). */
    public FakeReply cutAfter(int count) {
        return new FakeReply(
                status, errorBody, events, delay, count, hangAfter, endAfter, silentBeforeHeaders, headers);
    }

    /** Stops sending after {@code count} events but keeps the connection open until the client closes it. */
    public FakeReply hangAfter(int count) {
        return new FakeReply(status, errorBody, events, delay, cutAfter, count, endAfter, silentBeforeHeaders, headers);
    }

    /** Ends the response cleanly after {@code count} events, without the rest (and so without the end marker). */
    public FakeReply endAfter(int count) {
        return new FakeReply(
                status, errorBody, events, delay, cutAfter, hangAfter, count, silentBeforeHeaders, headers);
    }

    /** This reply's events (up to {@link #endAfter}, if set), then {@code next}'s. */
    public FakeReply then(FakeReply next) {
        BiFunction<WireFormat, String, List<String>> first = this::events;
        BiFunction<WireFormat, String, List<String>> combined = (wire, model) -> {
            List<String> all = new ArrayList<>(first.apply(wire, model));
            all.addAll(next.events(wire, model));
            return all;
        };
        return new FakeReply(status, errorBody, combined, delay, cutAfter, hangAfter, -1, silentBeforeHeaders, headers);
    }

    /** Sends the header {@code name: value} with the status line (an error's {@code Retry-After}, say). */
    public FakeReply header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FakeReply(
                status, errorBody, events, delay, cutAfter, hangAfter, endAfter, silentBeforeHeaders, Map.copyOf(more));
    }

    int status() {
        return status;
    }

    String errorBody() {
        return errorBody;
    }

    Map<String, String> headers() {
        return headers;
    }

    boolean isError() {
        return errorBody != null;
    }

    boolean isSilentBeforeHeaders() {
        return silentBeforeHeaders;
    }

    Duration delay() {
        return delay;
    }

    int cutAfter() {
        return cutAfter;
    }

    int hangAfter() {
        return hangAfter;
    }

    /** The events to send for {@code wire} and {@code model}, already shortened by {@link #endAfter}. */
    List<String> events(WireFormat wire, String model) {
        List<String> all = events.apply(wire, model);
        return endAfter >= 0 && endAfter < all.size() ? all.subList(0, endAfter) : all;
    }

    /** Splits at blank lines, keeping every byte: the pieces joined give the file back (no added final blank line). */
    static List<String> splitEvents(String text) {
        List<String> events = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int end = blankLineEnd(text, i);
            if (end > 0) {
                events.add(text.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            events.add(text.substring(start));
        }
        return events;
    }

    private static int blankLineEnd(String text, int i) {
        for (String separator : new String[] {"\r\n\r\n", "\n\n", "\r\r"}) {
            if (text.startsWith(separator, i)) {
                return i + separator.length();
            }
        }
        return -1;
    }

    static String read(String file) {
        try (InputStream in = FakeReply.class.getResourceAsStream(FIXTURES + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + FIXTURES + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
