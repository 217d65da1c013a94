package dev.qide.web.malformed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation the application serves, as the sweep needs it: method, path template, what its body may be, and the
 * named inputs (body fields, query parameters, headers) it reads.
 */
record Route(
        String method,
        String template,
        Origin origin,
        Set<BodyKind> bodies,
        List<Field> fields,
        List<Field> query,
        List<Field> headers) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/:]+)(?::[^}]*)?}");

    /** Where the sweep learned of the route. */
    enum Origin {
        OPENAPI,
        PAGE
    }

    /** What a request body may be. */
    enum BodyKind {
        JSON,
        FORM,
        MULTIPART,
        BYTES,
        /** Nothing declared: the route takes whatever comes (its form fields, if it has any). */
        ANY
    }

    /** What a named input holds. */
    enum FieldType {
        TEXT,
        INTEGER,
        NUMBER,
        BOOLEAN,
        UUID,
        LIST,
        OBJECT
    }

    record Field(String name, FieldType type) {}

    /** The names of the template's path parameters, in order. */
    List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    boolean takesBody() {
        return !bodies.isEmpty();
    }

    boolean isApi() {
        return template.startsWith("/api/") || template.startsWith("/v1/");
    }

    boolean isAdmin() {
        return template.startsWith("/admin") || template.startsWith("/api/admin");
    }

    /** "POST /teams/{teamId}/settings". */
    String name() {
        return method + " " + template;
    }
}
