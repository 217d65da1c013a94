package dev.qide.web.malformed;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request the sweep sends: to {@code target} (path and query exactly as written on the wire, malformed escapes
 * included) of {@code route}, as {@code identity}, with extra header lines and a body sent byte for byte.
 *
 * @param input what is malformed about it, for the report ("form: 1,001 fields")
 */
record Probe(int id, Route route, String target, String input, Identity identity, List<String> headers, byte[] body) {

    /** Who sends a probe: the header lines that sign it in (a session cookie and CSRF header, an API key). */
    record Identity(String name, List<String> headers) {

        static final Identity ANONYMOUS = new Identity("anonymous", List.of());
    }

    /**
     * Whether the path, query or body carry text no database can keep, marked with this probe's number (see
     * {@link StoredTextScan}).
     */
    boolean carriesUnstorableText() {
        String marker = "sw" + id;
        return target.contains(marker)
                || (body != null && new String(body, StandardCharsets.ISO_8859_1).contains(marker));
    }

    String describe() {
        return route.method() + " " + abbreviate(target) + "  [" + input + ", as " + identity.name() + "]";
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 150) + "…(" + text.length() + " chars)";
    }
}
