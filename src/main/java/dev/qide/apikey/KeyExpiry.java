package dev.qide.apikey;

import dev.qide.web.FormErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** When a new key stops working, as the form offers it: never, after some days, or on a chosen date. */
public enum KeyExpiry {
    NEVER("never", "Never", null),
    DAYS_30("30", "In 30 days", Duration.ofDays(30)),
    DAYS_90("90", "In 90 days", Duration.ofDays(90)),
    DAYS_365("365", "In a year", Duration.ofDays(365)),
    ON_DATE("date", "On the date below", null);

    private final String value;
    private final String label;
    private final Duration after;

    KeyExpiry(String value, String label, Duration after) {
        this.value = value;
        this.label = label;
        this.after = after;
    }

    /** What the form's select sends. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    /**
     * The moment a key made at {@code now} expires, for the form's {@code expiry} choice and {@code date} field: null
     * for never (or for bad input, with a message added to {@code errors}).
     */
    static Instant expiresAt(String expiry, String date, Instant now, FormErrors errors) {
        for (KeyExpiry choice : values()) {
            if (choice.value.equals(expiry)) {
                return switch (choice) {
                    case NEVER -> null;
                    case ON_DATE -> onDate(date, now, errors);
                    default -> now.plus(choice.after);
                };
            }
        }
        errors.add("expiry", "Choose when the key expires.");
        return null;
    }

    /** A chosen date: the key stops working as that day begins (UTC), so the date must be tomorrow or later. */
    private static Instant onDate(String text, Instant now, FormErrors errors) {
        if (text == null || text.isBlank()) {
            errors.add("expiresOn", "Choose the date the key expires.");
            return null;
        }
        try {
            Instant at =
                    LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (at.isAfter(now)) {
                return at;
            }
            errors.add("expiresOn", "Choose a date in the future.");
        } catch (DateTimeParseException e) {
            errors.add("expiresOn", "Enter the date as YYYY-MM-DD.");
        }
        return null;
    }
}
