package dev.qide.team;

import jakarta.validation.constraints.Pattern;

/** A member's daily LLM-request cap as typed on the members page: a whole number, or empty to share the pool. */
public record CapForm(
        @Pattern(regexp = "\\s*\\d{0,9}\\s*", message = "A cap is a whole number of requests a day, or empty.")
                String cap) {

    /** The cap, or null for "shares the pool"; only for a form that passed its check. */
    Integer value() {
        return cap == null || cap.isBlank() ? null : Integer.valueOf(cap.strip());
    }
}
