package dev.qide.identity;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The signed-in person of the current request, for resources and services. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The signed-in person, or empty for an anonymous request. */
    public Optional<SignedInUser> get() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(SignedInUser.ATTRIBUTE));
    }

    /** The signed-in person; anonymous callers get the sign-in challenge. */
    public SignedInUser require() {
        return get().orElseThrow(UnauthorizedException::new);
    }
}
