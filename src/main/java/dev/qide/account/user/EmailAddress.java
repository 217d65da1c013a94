package dev.qide.account.user;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalizes and checks email addresses typed by people or sent by identity providers. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddress() {}

    /** Trimmed and lower-cased; the form in which addresses are stored and compared. */
    public static String normalize(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Why {@code normalized} is not a usable address, or empty when it is. */
    public static Optional<String> problem(String normalized) {
        if (normalized.isEmpty()) {
            return Optional.of("Enter your email address.");
        }
        if (normalized.length() > MAX_LENGTH) {
            return Optional.of("That email address is too long.");
        }
        if (!SHAPE.matcher(normalized).matches() || normalized.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("Enter an email address like name@example.com.");
        }
        return Optional.empty();
    }

    /** The part before the @, used as a display name when nothing better is known. */
    public static String localPart(String normalized) {
        int at = normalized.indexOf('@');
        return at > 0 ? normalized.substring(0, at) : normalized;
    }
}
