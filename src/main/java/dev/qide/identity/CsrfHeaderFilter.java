package dev.qide.identity;

import dev.qide.web.Routes;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF for everything that is not a form. The quarkus-rest-csrf filter checks the {@code X-CSRF-TOKEN} header and the
 * forms' token field whenever they are present; with {@code quarkus.rest-csrf.require-form-url-encoded=false} it
 * lets other requests through, so that API-key callers (who send no cookie a forged request could ride on) need no
 * token. This filter refuses those other requests for everyone else: an unsafe request that is neither a form nor
 * carries the header, made without an API key, is answered 400 ("reload the page"), as before. Stripe's webhook
 * ({@link Routes#BILLING_WEBHOOK}) is exempt: it carries no cookie, and its signature is its proof.
 */
public class CsrfHeaderFilter {

    static final String HEADER = "X-CSRF-TOKEN";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentIdentityAssociation identities;

    CsrfHeaderFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    Uni<Response> requireToken(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())
                || request.getHeaderString(HEADER) != null
                || Routes.BILLING_WEBHOOK.equals(request.getUriInfo().getPath())
                || isForm(request.getMediaType())) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .map(identity -> identity.getAttribute(ApiKeyPrincipal.ATTRIBUTE) != null)
                .onFailure()
                .recoverWithItem(false)
                .map(apiKey -> apiKey ? null : Response.status(400).build());
    }

    /** Forms are checked by quarkus-rest-csrf itself (their token field). */
    private static boolean isForm(MediaType type) {
        return type != null
                && (matches(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || matches(type, MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /** Compared exactly as quarkus-rest-csrf compares, so that what it skips as "not a form" is refused here. */
    private static boolean matches(MediaType type, MediaType expected) {
        return type.getType().equals(expected.getType()) && type.getSubtype().equals(expected.getSubtype());
    }
}
