package dev.qide.account;

import dev.qide.account.session.SessionService;
import dev.qide.account.user.AccountConfig;
import dev.qide.account.user.EmailAddress;
import dev.qide.account.user.SecretTokens;
import dev.qide.account.user.User;
import dev.qide.web.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use links sent by email: proving an address, and resetting a forgotten password. A new link is not sent
 * while one sent less than a minute ago is still usable, so the forms cannot be used to flood an inbox.
 */
@ApplicationScoped
@Transactional
public class EmailLinks {

    private static final Duration RESEND_PAUSE = Duration.ofMinutes(1);

    private final Clock clock;
    private final AccountConfig config;
    private final AccountMailer mailer;
    private final AccountService accounts;
    private final SessionService sessions;

    EmailLinks(
            Clock clock, AccountConfig config, AccountMailer mailer, AccountService accounts, SessionService sessions) {
        this.clock = clock;
        this.config = config;
        this.mailer = mailer;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** What happened to a request for a link. */
    public enum Sent {
        SENT,
        RECENTLY_SENT,
        NOT_NEEDED,
        MAIL_FAILED
    }

    /** Sends a link that proves the user's current email address. */
    public Sent sendVerification(UUID userId) {
        User user = accounts.find(userId);
        if (user.isEmailVerified()) {
            return Sent.NOT_NEEDED;
        }
        if (recentlySent(user, EmailToken.Purpose.VERIFY_EMAIL)) {
            return Sent.RECENTLY_SENT;
        }
        String token = issue(user, EmailToken.Purpose.VERIFY_EMAIL, config.emailVerificationValidity());
        boolean sent = mailer.sendVerification(
                user,
                link(Routes.VERIFY_EMAIL, token),
                config.emailVerificationValidity().toHours());
        return sent ? Sent.SENT : Sent.MAIL_FAILED;
    }

    /** Marks the address verified; empty when the link is unknown, used or expired. */
    public Optional<User> verify(String token) {
        Optional<EmailToken> found = usable(token, EmailToken.Purpose.VERIFY_EMAIL);
        found.ifPresent(link -> {
            link.usedAt = clock.instant();
            if (link.user.email.equals(link.email)) {
                link.user.emailVerifiedAt = clock.instant();
            }
        });
        return found.map(link -> link.user);
    }

    /**
     * Sends a reset link when an account has this email. Says nothing either way to the caller's page, so the form
     * cannot be used to learn who has an account.
     */
    public void sendPasswordReset(String rawEmail) {
        Optional<User> found = User.findByEmail(EmailAddress.normalize(rawEmail));
        if (found.isEmpty() || recentlySent(found.get(), EmailToken.Purpose.RESET_PASSWORD)) {
            return;
        }
        User user = found.get();
        String token = issue(user, EmailToken.Purpose.RESET_PASSWORD, config.passwordResetValidity());
        mailer.sendPasswordReset(
                user,
                link(Routes.RESET_PASSWORD, token),
                config.passwordResetValidity().toMinutes());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isResetLinkUsable(String token) {
        return usable(token, EmailToken.Purpose.RESET_PASSWORD).isPresent();
    }

    /**
     * Sets the new password, uses up the link, proves the email (the person read mail sent to it) and signs out
     * every session: whoever knew the old password is out.
     */
    public Optional<User> resetPassword(String token, String newPassword) {
        Optional<EmailToken> found = usable(token, EmailToken.Purpose.RESET_PASSWORD);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EmailToken link = found.get();
        accounts.resetPassword(link.user, newPassword);
        link.usedAt = clock.instant();
        if (link.user.email.equals(link.email) && !link.user.isEmailVerified()) {
            link.user.emailVerifiedAt = clock.instant();
        }
        EmailToken.update(
                "usedAt = ?1 where user.id = ?2 and purpose = ?3 and usedAt is null",
                clock.instant(),
                link.user.id,
                EmailToken.Purpose.RESET_PASSWORD);
        sessions.endOthers(link.user.id, null);
        return Optional.of(link.user);
    }

    private Optional<EmailToken> usable(String token, EmailToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return EmailToken.findUsable(SecretTokens.hash(token), purpose, clock.instant());
    }

    private boolean recentlySent(User user, EmailToken.Purpose purpose) {
        Instant since = clock.instant().minus(RESEND_PAUSE);
        return EmailToken.count("user.id = ?1 and purpose = ?2 and createdAt > ?3", user.id, purpose, since) > 0;
    }

    private String issue(User user, EmailToken.Purpose purpose, Duration validity) {
        Instant now = clock.instant();
        String token = SecretTokens.newToken();
        EmailToken link = new EmailToken();
        link.id = UUID.randomUUID();
        link.tokenHash = SecretTokens.hash(token);
        link.user = user;
        link.purpose = purpose;
        link.email = user.email;
        link.createdAt = now;
        link.expiresAt = now.plus(validity);
        link.persist();
        return token;
    }

    private static String link(String path, String token) {
        return path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
