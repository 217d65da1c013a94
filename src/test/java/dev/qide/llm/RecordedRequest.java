package dev.qide.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** A request {@link FakeLlmServer} received: which provider prefix, method, path with query, headers, body. */
public record RecordedRequest(String provider, String method, String path, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A header's value, whatever the case of its name; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
