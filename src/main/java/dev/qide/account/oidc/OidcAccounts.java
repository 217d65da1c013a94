package dev.qide.account.oidc;

import dev.qide.account.session.SessionService;
import dev.qide.account.user.DisplayName;
import dev.qide.account.user.EmailAddress;
import dev.qide.account.user.User;
import dev.qide.account.user.UserIdentity;
import dev.qide.workspace.WorkspaceService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Accounts reached through an identity provider: the first sign-in creates the account, or links it to an existing
 * account with the same email when the provider vouches for that email.
 */
@ApplicationScoped
@Transactional
public class OidcAccounts {

    /** The outcome of a sign-in; {@code passwordRemoved} tells the person their unproven password was dropped. */
    public record SignIn(User user, boolean created, boolean passwordRemoved) {}

    /** A sign-in that cannot go ahead, with a message for the person. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Clock clock;
    private final WorkspaceService workspaces;
    private final SessionService sessions;

    OidcAccounts(Clock clock, WorkspaceService workspaces, SessionService sessions) {
        this.clock = clock;
        this.workspaces = workspaces;
        this.sessions = sessions;
    }

    public SignIn signIn(OidcProfile profile, String providerLabel) {
        Instant now = clock.instant();
        Optional<UserIdentity> linked = UserIdentity.findByProviderSubject(profile.provider(), profile.subject());
        if (linked.isPresent()) {
            UserIdentity identity = linked.get();
            identity.lastUsedAt = now;
            if (profile.email() != null) {
                identity.email = EmailAddress.normalize(profile.email());
            }
            return new SignIn(identity.user, false, false);
        }

        String email = EmailAddress.normalize(profile.email());
        if (EmailAddress.problem(email).isPresent()) {
            throw new Refused(providerLabel + " did not share an email address with Q-IDE. Allow access to your "
                    + "email address there, or sign up with a password.");
        }
        if (!profile.emailVerified()) {
            throw new Refused(providerLabel + " has not confirmed that " + email + " is yours. Confirm it there "
                    + "first, or sign up with a password.");
        }

        Optional<User> existing = User.findByEmail(email);
        boolean passwordRemoved = false;
        User user;
        if (existing.isPresent()) {
            user = existing.get();
            if (!user.isEmailVerified()) {
                // The address was claimed here without proof; the provider has just proved who owns it. Whoever set
                // that password may not be that person, so the password and its sessions go.
                passwordRemoved = user.hasPassword();
                user.passwordHash = null;
                user.emailVerifiedAt = now;
                sessions.endOthers(user.id, null);
                Log.infof("Linked a %s identity to an unverified account and removed its password", profile.provider());
            }
        } else {
            user = User.create(email, DisplayName.fitted(profile.name(), EmailAddress.localPart(email)), now);
            user.emailVerifiedAt = now;
            user.persist();
            workspaces.createPersonalWorkspace(user);
        }
        try {
            UserIdentity.create(user, profile.provider(), profile.subject(), email, now)
                    .persistAndFlush();
        } catch (PersistenceException e) {
            throw new Refused(
                    "Another sign-in with this " + providerLabel + " account is under way. Please try again.");
        }
        return new SignIn(user, existing.isEmpty(), passwordRemoved);
    }
}
