package dev.qide.identity;

import dev.qide.web.ErrorResponses;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds API-key callers to the scopes of their key ({@link RequiresScope}): a missing scope answers 403 with its name.
 * Browser sessions pass untouched.
 */
public class ApiScopeFilter {

    private final CurrentIdentityAssociation identities;
    private final ErrorResponses responses;

    ApiScopeFilter(CurrentIdentityAssociation identities, ErrorResponses responses) {
        this.identities = identities;
        this.responses = responses;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    Uni<Response> checkScopes(ContainerRequestContext request, ResourceInfo resource) {
        return identities
                .getDeferredIdentity()
                .map(identity -> {
                    ApiKeyPrincipal key = identity.getAttribute(ApiKeyPrincipal.ATTRIBUTE);
                    return key == null ? null : refusal(key, resource, request);
                })
                .onFailure()
                .recoverWithNull();
    }

    /** The 403 for a key that may not call this method, or null when it may. */
    private Response refusal(ApiKeyPrincipal key, ResourceInfo resource, ContainerRequestContext request) {
        RequiresScope required = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequiresScope.class);
        }
        if (required == null) {
            return forbidden("API keys cannot be used for this request.", request);
        }
        for (ApiScope scope : required.value()) {
            if (!key.allows(scope)) {
                return forbidden("This API key lacks the " + scope.id() + " scope.", request);
            }
        }
        return null;
    }

    private Response forbidden(String detail, ContainerRequestContext request) {
        return responses.build(403, detail, null, request.getUriInfo().getPath(), false);
    }
}
