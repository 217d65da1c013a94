package dev.qide.web.malformed;

import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import dev.qide.web.malformed.Route.Field;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a person would fill in, field by field, so that a probe spoiling one field reaches the code behind the others.
 * Fields are known by their name (form field, JSON property or query parameter, any spelling); the rest by their type.
 */
final class BaselineValues {

    /** The loopback interface where nothing listens: a provider call fails at once, and never leaves the machine. */
    static final String UNREACHABLE_BASE_URL = "http://127.0.0.1:9/v1";

    private static final Map<String, Object> BY_NAME = Map.ofEntries(
            Map.entry("next", "/dashboard"),
            Map.entry("plan", "TEAMS"),
            Map.entry("role", "EDITOR"),
            Map.entry("owner", "PERSONAL"),
            Map.entry("theme", "dark"),
            Map.entry("language", "python"),
            Map.entry("provider", "custom"),
            Map.entry("model", "gpt-4o-mini"),
            Map.entry("modelchoice", "custom:gpt-4o-mini"),
            Map.entry("apikey", "sk-sweep-0123456789abcdefghijklmnop"),
            Map.entry("baseurl", UNREACHABLE_BASE_URL),
            Map.entry("expiry", "never"),
            Map.entry("scopes", List.of("projects:read")),
            Map.entry("fallback", List.of("openai")),
            Map.entry("path", "sweep/notes.txt"),
            Map.entry("content", "Sweep text"),
            Map.entry("code", "print(1)"),
            Map.entry("timeout", 2),
            Map.entry("baserevision", 0),
            Map.entry("cap", "5"),
            Map.entry("format", "markdown"),
            Map.entry("sort", "name"),
            Map.entry("page", 1),
            Map.entry("from", "2026-01-01"),
            Map.entry("to", "2026-12-31"),
            Map.entry("folder", false),
            Map.entry("panel", false),
            Map.entry("autosave", false),
            Map.entry("allowpersonalkeys", true));

    private final SweepFixtures fixtures;

    BaselineValues(SweepFixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** A String, Number, Boolean or List of Strings. */
    Object of(Route route, Field field) {
        String name = field.name().toLowerCase(Locale.ROOT).replaceAll("[_-]", "");
        if (name.contains("password")) {
            return Passwords.STRONG;
        }
        if (name.equals("email")) {
            if (route.template().equals("/login")) {
                return fixtures.owner.email();
            }
            return route.template().contains("/share") ? fixtures.outsider.email() : Browser.uniqueEmail("sweep");
        }
        if (name.equals("projectid") || name.equals("project")) {
            return fixtures.projectId.toString();
        }
        if (name.equals("fileid")) {
            return fixtures.fileId.toString();
        }
        if (name.equals("conversationid") || name.equals("conversation")) {
            return fixtures.conversationId.toString();
        }
        if (name.equals("userid")) {
            return (route.template().contains("/share") ? fixtures.outsiderUserId : fixtures.memberUserId).toString();
        }
        Object known = BY_NAME.get(name);
        if (known != null && fits(known, field)) {
            return known;
        }
        return switch (field.type()) {
            case INTEGER -> 1;
            case NUMBER -> 1.5;
            case BOOLEAN -> true;
            case UUID -> java.util.UUID.randomUUID().toString();
            case LIST -> List.of("sweep");
            case TEXT, OBJECT -> "sweep";
        };
    }

    /** Whether a value known by name suits the field's type ("from" is a date in one place, a number in another). */
    private static boolean fits(Object value, Field field) {
        return switch (field.type()) {
            case INTEGER, NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case LIST -> value instanceof List;
            case TEXT, UUID, OBJECT -> value instanceof String || value instanceof Number || value instanceof Boolean;
        };
    }
}
