package dev.qide.account;

import dev.qide.web.FormErrors;
import dev.qide.web.InvalidInputException;
import dev.qide.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Local accounts: sign-up, password sign-in, profile and password changes. */
@ApplicationScoped
@Transactional
public class AccountService {

    static final String DUPLICATE_EMAIL =
            "An account with this email already exists. Sign in instead, or reset " + "your password if you forgot it.";

    private final Clock clock;
    private final PasswordHasher hasher;
    private final WorkspaceService workspaces;

    AccountService(Clock clock, PasswordHasher hasher, WorkspaceService workspaces) {
        this.clock = clock;
        this.hasher = hasher;
        this.workspaces = workspaces;
    }

    /** Creates an account with its personal workspace; throws {@link InvalidInputException} and changes nothing. */
    public User signUp(String rawEmail, String rawDisplayName, String password) {
        String email = EmailAddress.normalize(rawEmail);
        String displayName = DisplayName.normalize(rawDisplayName);
        FormErrors errors = FormErrors.none();
        EmailAddress.problem(email).ifPresent(message -> errors.add("email", message));
        DisplayName.problem(displayName).ifPresent(message -> errors.add("displayName", message));
        PasswordPolicy.problem(password, email, displayName).ifPresent(message -> errors.add("password", message));
        errors.throwIfAny();
        if (User.findByEmail(email).isPresent()) {
            throw InvalidInputException.of("email", DUPLICATE_EMAIL);
        }

        User user = User.create(email, displayName, clock.instant());
        user.passwordHash = hasher.hash(password);
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            // Someone signed up with the same email a moment ago; the unique constraint decided.
            throw InvalidInputException.of("email", DUPLICATE_EMAIL);
        }
        workspaces.createPersonalWorkspace(user);
        return user;
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
