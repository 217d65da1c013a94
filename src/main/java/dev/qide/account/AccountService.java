package dev.qide.account;

import dev.qide.account.user.DisplayName;
import dev.qide.account.user.EmailAddress;
import dev.qide.account.user.PasswordHasher;
import dev.qide.account.user.PasswordPolicy;
import dev.qide.account.user.User;
import dev.qide.identity.Theme;
import dev.qide.web.FormErrors;
import dev.qide.web.InvalidInputException;
import dev.qide.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Local accounts: sign-up, password sign-in, profile and password changes. */
@ApplicationScoped
@Transactional
public class AccountService {

    private final Clock clock;
    private final PasswordHasher hasher;
    private final WorkspaceService workspaces;

    AccountService(Clock clock, PasswordHasher hasher, WorkspaceService workspaces) {
        this.clock = clock;
        this.hasher = hasher;
        this.workspaces = workspaces;
    }

    /** A sign-up form's answers, normalized. */
    public record SignUpAnswers(String email, String displayName) {}

    /**
     * Normalizes and checks a sign-up form's answers; throws {@link InvalidInputException} with a message per field
     * and changes nothing. Whether the address has an account is not checked here: the form never tells.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SignUpAnswers check(String rawEmail, String rawDisplayName, String password) {
        String email = EmailAddress.normalize(rawEmail);
        String displayName = DisplayName.normalize(rawDisplayName);
        FormErrors errors = FormErrors.none();
        EmailAddress.problem(email).ifPresent(message -> errors.add("email", message));
        DisplayName.problem(displayName).ifPresent(message -> errors.add("displayName", message));
        PasswordPolicy.problem(password, email, displayName).ifPresent(message -> errors.add("password", message));
        errors.throwIfAny();
        return new SignUpAnswers(email, displayName);
    }

    /**
     * Creates the account of a person who has just proved the address is theirs (its email is verified), with its
     * personal workspace. Empty when the address has an account by now (made through another link, an identity
     * provider, or a moment ago: then the unique constraint decides, and this transaction only rolls back).
     */
    Optional<User> createConfirmed(String email, String displayName, String passwordHash) {
        if (User.findByEmail(email).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        User user = User.create(email, displayName, now);
        user.passwordHash = passwordHash;
        user.emailVerifiedAt = now;
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            return Optional.empty();
        }
        workspaces.createPersonalWorkspace(user);
        return Optional.of(user);
    }

    /** The account with this email and password; empty (after the same amount of work) when either is wrong. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> authenticate(String rawEmail, String password) {
        Optional<User> user = User.findByEmail(EmailAddress.normalize(rawEmail));
        String hash = user.map(u -> u.passwordHash).orElse(null);
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return hasher.matches(password, hash) ? user : Optional.empty();
    }

    public void changeDisplayName(UUID userId, String rawDisplayName) {
        String displayName = DisplayName.normalize(rawDisplayName);
        DisplayName.problem(displayName).ifPresent(message -> {
            throw InvalidInputException.of("displayName", message);
        });
        find(userId).displayName = displayName;
    }

    /**
     * Sets a new password after checking the current one (accounts without a password, made through an identity
     * provider, may set one without). Other sessions are ended by the caller.
     */
    public void changePassword(UUID userId, String currentPassword, String newPassword) {
        User user = find(userId);
        if (user.hasPassword() && !hasher.matches(currentPassword == null ? "" : currentPassword, user.passwordHash)) {
            throw InvalidInputException.of("currentPassword", "That is not your current password.");
        }
        PasswordPolicy.problem(newPassword, user.email, user.displayName).ifPresent(message -> {
            throw InvalidInputException.of("newPassword", message);
        });
        user.passwordHash = hasher.hash(newPassword);
    }

    /** Sets a password without the old one: only for a person who proved they own the email (a reset link). */
    void resetPassword(User user, String newPassword) {
        PasswordPolicy.problem(newPassword, user.email, user.displayName).ifPresent(message -> {
            throw InvalidInputException.of("password", message);
        });
        user.passwordHash = hasher.hash(newPassword);
    }

    public void changeTheme(UUID userId, Theme theme) {
        find(userId).theme = theme;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public User find(UUID userId) {
        return User.<User>findByIdOptional(userId).orElseThrow(() -> new IllegalStateException("No user " + userId));
    }
}
