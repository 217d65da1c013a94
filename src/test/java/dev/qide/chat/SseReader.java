package dev.qide.chat;

import dev.qide.support.Browser;
import dev.qide.support.HtmlText;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a reply stream as a browser's EventSource does, and can drop the connection part-way. */
final class SseReader {

    /** One server-sent event. */
    record Event(String name, String id, String data) {}

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SseReader() {}

    /**
     * Reads events from {@code path} until {@code stopAfter} accepts one (that one included) or the stream ends;
     * then closes the connection.
     */
    static List<Event> read(Browser browser, String path, String lastEventId, Predicate<List<Event>> stopAfter)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Accept", "text/event-stream")
                .header("Cookie", browser.cookieHeader())
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response =
                CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Stream answered " + response.statusCode());
        }
        List<Event> events = new ArrayList<>();
        InputStream stream = response.body();
        // A stream that never ends fails the test instead of hanging it.
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(20));
                stream.close();
            } catch (InterruptedException | IOException ignored) {
                // the read ended first
            }
        });
        try (InputStream body = stream;
                BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                        if (stopAfter.test(events)) {
                            return events;
                        }
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                }
            }
        }
        return events;
    }

    static List<Event> readAll(Browser browser, String path) throws IOException, InterruptedException {
        return read(browser, path, null, events -> events.get(events.size() - 1)
                .name()
                .equals("done"));
    }

    /** The text of the token events, unescaped as the browser's HTML parser would. */
    static String text(List<Event> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(event -> event.name().equals("token")).forEach(event -> text.append(event.data()));
        return HtmlText.decode(text.toString());
    }

    static String lastId(List<Event> events) {
        String id = null;
        for (Event event : events) {
            if (event.id() != null) {
                id = event.id();
            }
        }
        return id;
    }
}
