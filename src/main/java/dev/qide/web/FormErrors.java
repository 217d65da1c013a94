package dev.qide.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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

    /**
     * The messages of Bean Validation's violations, each under the name of the field it is about (a violation of the
     * whole form under {@link #FORM}); fields in alphabetical order, so the first message for a field is always the
     * same one.
     */
    public static FormErrors of(Set<? extends ConstraintViolation<?>> violations) {
        FormErrors errors = new FormErrors();
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> violation) -> field(violation))
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(violation -> errors.add(field(violation), violation.getMessage()));
        return errors;
    }

    private static String field(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName();
        }
        return field == null || field.isEmpty() ? FORM : field;
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
