package dev.qide.web;

/**
 * Thrown by services when input fails validation. Being unchecked, it rolls back the surrounding transaction, so
 * bad input changes nothing; resources catch it and show the form again with the messages.
 */
public class InvalidInputException extends RuntimeException {

    private final transient FormErrors errors;

    public InvalidInputException(FormErrors errors) {
        super("Invalid input: " + errors.asMap().keySet(), null, false, false);
        this.errors = errors;
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(FormErrors.of(field, message));
    }

    public FormErrors errors() {
        return errors;
    }
}
