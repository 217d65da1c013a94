package dev.qide.account;

import dev.qide.account.AccountService.SignUpAnswers;
import dev.qide.account.user.AccountConfig;
import dev.qide.account.user.PasswordHasher;
import dev.qide.account.user.SecretTokens;
import dev.qide.account.user.User;
import dev.qide.ratelimit.RateLimit;
import dev.qide.ratelimit.RateLimitedException;
import dev.qide.ratelimit.RateLimiter;
import dev.qide.web.InvalidInputException;
import dev.qide.web.Routes;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-up by email. The form's answer never depends on whether the address has an account: an address without one
 * is sent a link that makes the account, an address with one is sent a note telling its owner, and the form says "we
 * sent you an email" either way. The account is made only when the link is opened and the password chosen on the
 * form is given again, so whoever filled in the form must also read the address's mail: nobody can make an account
 * in someone else's name, nor set its password for them to find.
 */
@ApplicationScoped
@Transactional
public class SignUps {

    /** What opening a link and giving the password led to. */
    public record Finished(User user, String next, boolean accountExisted) {}

    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final AccountMailer mailer;
    private final RateLimiter rateLimiter;
    private final AccountConfig config;
    private final Clock clock;

    SignUps(
            AccountService accounts,
            PasswordHasher hasher,
            AccountMailer mailer,
            RateLimiter rateLimiter,
            AccountConfig config,
            Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.mailer = mailer;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Takes a sign-up form: throws {@link InvalidInputException} for answers that are not acceptable, else mails the
     * address (the link, or the note to its owner) and answers the normalized address. Both ways do the same work (a
     * bcrypt hash, one email), so neither the answer nor its timing tells them apart.
     */
    public String request(String rawEmail, String rawDisplayName, String password, String next) {
        SignUpAnswers answers = accounts.check(rawEmail, rawDisplayName, password);
        String passwordHash = hasher.hash(password);
        try {
            rateLimiter.check(RateLimit.SIGN_UP_EMAILS, answers.email());
        } catch (RateLimitedException e) {
            Log.info("Sign-up form: an address asked for more emails than allowed; none sent");
            return answers.email();
        }
        Optional<User> existing = User.findByEmail(answers.email());
        if (existing.isPresent()) {
            mailer.sendSignUpAttempted(existing.get());
            return answers.email();
        }
        Instant now = clock.instant();
        String token = SecretTokens.newToken();
        SignUpRequest request = new SignUpRequest();
        request.id = UUID.randomUUID();
        request.tokenHash = SecretTokens.hash(token);
        request.email = answers.email();
        request.displayName = answers.displayName();
        request.passwordHash = passwordHash;
        request.nextPath = Routes.safeNext(next);
        request.createdAt = now;
        request.expiresAt = now.plus(config.emailVerificationValidity());
        request.persist();
        mailer.sendFinishSignUp(
                request,
                Routes.SIGNUP_CONFIRM + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                config.emailVerificationValidity().toHours());
        return answers.email();
    }

    /** The sign-up a link stands for, while it can still be finished. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SignUpRequest> pending(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return SignUpRequest.findUsable(SecretTokens.hash(token), clock.instant());
    }

    /**
     * Makes the account when {@code password} is the one chosen on the form (else throws
     * {@link InvalidInputException}); empty when the link is unknown, used or expired. The link and every other open
     * link for the address are used up. When the address got an account meanwhile, none is made.
     */
    public Optional<Finished> finish(String token, String password) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<SignUpRequest> found = SignUpRequest.findUsable(SecretTokens.hash(token), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SignUpRequest request = found.get();
        // Every open link of the address, locked in one order: links finished at the same moment wait for each other,
        // and the later one finds its link used.
        List<SignUpRequest> open = SignUpRequest.lockOpen(request.email);
        if (open.stream().noneMatch(each -> each.id.equals(request.id))) {
            return Optional.empty();
        }
        if (password == null || !hasher.matches(password, request.passwordHash)) {
            throw InvalidInputException.of(
                    "password", "That is not the password you chose when you signed up. Try again.");
        }
        open.forEach(each -> each.usedAt = now);
        return Optional.of(accounts.createConfirmed(request.email, request.displayName, request.passwordHash)
                .map(user -> new Finished(user, request.nextPath, false))
                .orElseGet(() -> new Finished(null, request.nextPath, true)));
    }

    /** Deletes requests whose link expired. Safe to run late, twice, or on several replicas at once. */
    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        long purged = SignUpRequest.delete("expiresAt <= ?1", clock.instant());
        if (purged > 0) {
            Log.infof("Purged %d expired sign-up requests", purged);
        }
    }
}
