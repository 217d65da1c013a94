package dev.qide.web.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qide.web.malformed.Route.BodyKind;
import dev.qide.web.malformed.Route.Field;
import dev.qide.web.malformed.Route.FieldType;
import dev.qide.web.malformed.Route.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Every operation of the OpenAPI document the application serves, with its parameters and body properties. */
final class OpenApiRoutes {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** A body read as a JSON tree: any JSON, no fields the document knows of. */
    private static final String FREE_JSON = "#/components/schemas/JsonNode";

    private final JsonNode document;

    private OpenApiRoutes(JsonNode document) {
        this.document = document;
    }

    static List<Route> parse(String json) {
        try {
            return new OpenApiRoutes(new ObjectMapper().readTree(json)).routes();
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    routes.add(route(
                            operation.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            path.getValue().path("parameters"),
                            operation.getValue()));
                }
            }
        }
        return routes;
    }

    private Route route(String method, String template, JsonNode shared, JsonNode operation) {
        List<Field> query = new ArrayList<>();
        List<Field> headers = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        shared.forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            Field field = new Field(parameter.path("name").asText(), type(parameter.path("schema")));
            switch (parameter.path("in").asText()) {
                case "query" -> query.add(field);
                case "header" -> headers.add(field);
                default -> {}
            }
        }
        Set<BodyKind> bodies = EnumSet.noneOf(BodyKind.class);
        List<Field> fields = new ArrayList<>();
        JsonNode content = operation.path("requestBody").path("content");
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            bodies.add(kind(media.getKey()));
            if (media.getValue().path("schema").path("$ref").asText().equals(FREE_JSON)) {
                continue; // Described by the getters of Jackson's tree (isEmpty, isArray...), not by its fields.
            }
            JsonNode schema = resolve(media.getValue().path("schema"));
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                if (fields.stream().noneMatch(field -> field.name().equals(property.getKey()))) {
                    fields.add(new Field(property.getKey(), type(property.getValue())));
                }
            }
        }
        if (bodies.isEmpty() && BODY_METHODS.contains(method)) {
            bodies.add(BodyKind.ANY);
        }
        return new Route(method, template, Origin.OPENAPI, bodies, fields, query, headers);
    }

    private static BodyKind kind(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return BodyKind.JSON;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return BodyKind.FORM;
        }
        if (type.startsWith("multipart/")) {
            return BodyKind.MULTIPART;
        }
        return BodyKind.BYTES;
    }

    private FieldType type(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        return switch (resolved.path("type").asText()) {
            case "string" -> "uuid".equals(resolved.path("format").asText()) ? FieldType.UUID : FieldType.TEXT;
            case "integer" -> FieldType.INTEGER;
            case "number" -> FieldType.NUMBER;
            case "boolean" -> FieldType.BOOLEAN;
            case "array" -> FieldType.LIST;
            default -> FieldType.OBJECT;
        };
    }

    /** The schema a {@code $ref} points to (components only), or the schema itself. */
    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
