package dev.qide.audit.view;

import dev.qide.web.FormErrors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the audit log is narrowed to, as the filter form sent it: an actor, an action, and a range of UTC days (both
 * ends included). The typed text is kept so a form with a bad date comes back as it was sent, with {@link #errors()}.
 */
public record AuditFilter(
        String actor, String action, String fromText, String toText, LocalDate from, LocalDate to, FormErrors errors) {

    static final int TEXT_MAX = 254;

    /** Reads the form's query parameters; blank means "any". */
    public static AuditFilter parse(String actor, String action, String from, String to) {
        FormErrors errors = new FormErrors();
        String fromText = blankToNull(from);
        String toText = blankToNull(to);
        LocalDate fromDay = day(fromText, "from", "start", errors);
        LocalDate toDay = day(toText, "to", "end", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("to", "The end date " + toDay + " is before the start date " + fromDay + ".");
        }
        return new AuditFilter(
                text(actor, "actor", errors), text(action, "action", errors), fromText, toText, fromDay, toDay, errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public boolean any() {
        return actor != null || action != null || fromText != null || toText != null;
    }

    /** The filter as URL query parameters ({@code actor=...&from=...}), empty when nothing is filtered. */
    public String queryString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("actor", actor);
        params.put("action", action);
        params.put("from", fromText);
        params.put("to", toText);
        return params.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The filter in words, for the record of an export: "actor ann@example.com, 2026-03-01 to 2026-03-05". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (actor != null) {
            parts.add("actor " + actor);
        }
        if (action != null) {
            parts.add("action " + action);
        }
        if (from != null || to != null) {
            parts.add((from == null ? "the start" : from.toString()) + " to " + (to == null ? "today" : to.toString()));
        }
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    private static LocalDate day(String text, String field, String end, FormErrors errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter the " + end + " date as YYYY-MM-DD (a day in UTC), for example 2026-03-01.");
            return null;
        }
    }

    private static String text(String value, String field, FormErrors errors) {
        String text = blankToNull(value);
        if (text != null && text.length() > TEXT_MAX) {
            errors.add(field, "Choose the " + field + " from the list.");
            return null;
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
