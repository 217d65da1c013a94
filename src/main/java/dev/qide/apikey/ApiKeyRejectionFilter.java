package dev.qide.apikey;

import dev.qide.web.ErrorResponses;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers a request whose Bearer key was refused with 401 and the reason ("This API key was revoked."), on every API
 * path, matched or not, before anything else can treat the caller as anonymous.
 */
public class ApiKeyRejectionFilter {

    private final CurrentIdentityAssociation identities;
    private final ErrorResponses responses;

    ApiKeyRejectionFilter(CurrentIdentityAssociation identities, ErrorResponses responses) {
        this.identities = identities;
        this.responses = responses;
    }

    /** Runs right after {@code IdentityResolutionFilter}, which settled (or failed) the identity. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 1)
    Uni<Response> refuseRejectedKeys(ContainerRequestContext request) {
        return identities
                .getDeferredIdentity()
                .replaceWith((Response) null)
                .onFailure()
                .recoverWithItem(failure -> {
                    String refusal = refusal(failure);
                    return refusal == null ? null : unauthorized(refusal, request);
                });
    }

    /** Why a key was refused, however the security layer wrapped the failure; null for other failures. */
    private static String refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationFailedException failed
                    && failed.getAttribute(ApiKeyService.REFUSAL) instanceof String detail) {
                return detail;
            }
        }
        return null;
    }

    private Response unauthorized(String detail, ContainerRequestContext request) {
        return Response.fromResponse(
                        responses.build(401, detail, null, request.getUriInfo().getPath(), false))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .build();
    }
}
