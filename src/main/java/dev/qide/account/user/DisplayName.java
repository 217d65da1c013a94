package dev.qide.account.user;

import java.util.Optional;

/** Checks the name people are shown by. */
public final class DisplayName {

    public static final int MAX_LENGTH = 80;

    private DisplayName() {}

    /** Trimmed, with runs of whitespace collapsed to one space. */
    public static String normalize(String raw) {
        return raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    }

    /** Why {@code normalized} cannot be used, or empty when it can. */
    public static Optional<String> problem(String normalized) {
        if (normalized.isEmpty()) {
            return Optional.of("Enter the name people should see.");
        }
        if (normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (normalized.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == '<' || cp == '>')) {
            return Optional.of("Names cannot contain control characters or angle brackets.");
        }
        return Optional.empty();
    }

    /** A usable display name from whatever an identity provider offered, falling back when it offered nothing. */
    public static String fitted(String candidate, String fallback) {
        String name = cleaned(candidate);
        if (name.isEmpty()) {
            name = cleaned(fallback);
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return name.isEmpty() ? "Q-IDE user" : name;
    }

    private static String cleaned(String raw) {
        return normalize(raw == null ? "" : raw.replaceAll("[<>\\p{Cntrl}]", ""));
    }
}
