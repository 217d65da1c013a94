package dev.qide.web.malformed;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Request bodies written by hand, byte for byte, including the ones no client library would write. */
final class RawBodies {

    /** One level deeper than Jackson reads. */
    static final int DEEP = 1_001;

    private RawBodies() {}

    static String manyFields() {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < 1_001; i++) {
            form.append(i == 0 ? "" : "&").append("f").append(i).append("=1");
        }
        return form.toString();
    }

    static String deepArrays() {
        return "[".repeat(DEEP) + "]".repeat(DEEP);
    }

    static String deepObjects() {
        return "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
    }

    static byte[] notUtf8Json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"name\":\"caf"));
        out.write(0xE9);
        out.write(0xFF);
        out.writeBytes(utf8("\"}"));
        return out.toByteArray();
    }

    private static final String BOUNDARY = "sweepBoundary7MA4YWxkTrZu0gW";

    static String multipartType() {
        return "Content-Type: multipart/form-data; boundary=" + BOUNDARY;
    }

    /** A part that starts and never ends: no closing boundary, the body stops mid-value. */
    static byte[] truncatedMultipart() {
        return utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nsweep value that is cut");
    }

    static byte[] multipart(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--")
                .append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        body.append("--").append(BOUNDARY).append("--\r\n");
        return utf8(body.toString());
    }

    static String formText(List<String[]> pairs) {
        return pairs.stream().map(pair -> pair[0] + "=" + pair[1]).collect(Collectors.joining("&"));
    }

    static String jsonText(Map<String, String> json) {
        return json.entrySet().stream()
                .map(entry -> jsonString(entry.getKey()) + ":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String jsonValue(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> values) {
            return values.stream().map(item -> jsonString(text(item))).collect(Collectors.joining(",", "[", "]"));
        }
        return jsonString(text(value));
    }

    /** A JSON string in ASCII, every other character escaped: half a surrogate pair stays exactly that. */
    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    static String text(Object value) {
        return String.valueOf(value);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
