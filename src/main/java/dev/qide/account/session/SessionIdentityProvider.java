package dev.qide.account.session;

import dev.qide.account.user.PlatformAdmins;
import dev.qide.identity.SignedInUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a session token into the security identity every resource sees. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    /** Role every signed-in person has. */
    public static final String USER_ROLE = "user";

    private final SessionService sessions;

    SessionIdentityProvider(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resolve(request.token())
                .map(SessionIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("Session expired or signed out")));
    }

    private static SecurityIdentity identity(SignedInUser user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.userId().toString()))
                .addRole(USER_ROLE)
                .addAttribute(SignedInUser.ATTRIBUTE, user);
        if (user.platformAdmin()) {
            builder.addRole(PlatformAdmins.ROLE);
        }
        return builder.build();
    }
}
