package dev.qide.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Resolves who is calling before anything else in the REST layer, without blocking. Pages render the navigation
 * for the signed-in person, and some render on an I/O thread (error pages for unmatched paths or refused forms),
 * where a lazily resolved identity could not be looked up. Settled here, it is answered from memory later.
 */
public class IdentityResolutionFilter {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    Uni<Void> resolve() {
        return identities
                .getDeferredIdentity()
                .invoke(identities::setIdentity)
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
