package dev.qide.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages for a form, keyed by field name, plus an optional message for the whole form. Templates ask
 * {@code errors.has('email')} and {@code errors.get('email')}.
 */
public class FormErrors {

    /** Key of the message that belongs to the form rather than to one field. */
    public static final String FORM = "_form";

    private final Map<String, String> messages = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(String field, String message) {
        return new FormErrors().add(field, message);
    }

    /** Adds a message for {@code field}; the first message for a field wins. */
    public FormErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(messages);
    }

    /** Throws {@link InvalidInputException} when any message was added. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new InvalidInputException(this);
        }
    }
}
