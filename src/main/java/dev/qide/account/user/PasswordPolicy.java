package dev.qide.account.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: long enough to resist guessing (10+ characters), short enough for bcrypt (72 bytes),
 * not a well-known password, and not the person's own email or name. No arbitrary symbol rules (NIST SP 800-63B).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = loadCommonPasswords();

    private PasswordPolicy() {}

    /** Why {@code password} cannot be used by the person with this email and name, or empty when it can. */
    public static Optional<String> problem(String password, String email, String displayName) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Use at most " + MAX_BYTES + " characters (fewer for accented letters or emoji).");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() <= 2) {
            return Optional.of("That password is too easy to guess. Try a short phrase of unrelated words.");
        }
        String localPart = EmailAddress.localPart(EmailAddress.normalize(email));
        if (localPart.length() >= 4 && lower.contains(localPart)
                || !displayName.isBlank()
                        && lower.equals(DisplayName.normalize(displayName).toLowerCase(Locale.ROOT))) {
            return Optional.of("Don't use your email address or name in your password.");
        }
        return Optional.empty();
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read common-passwords.txt", e);
        }
    }
}
