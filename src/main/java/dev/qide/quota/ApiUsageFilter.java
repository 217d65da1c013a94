package dev.qide.quota;

import dev.qide.identity.ApiKeyPrincipal;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Limit;
import dev.qide.plan.Quantity;
import dev.qide.ratelimit.RateLimit;
import dev.qide.ratelimit.RateLimiter;
import dev.qide.web.ErrorResponses;
import dev.qide.web.HttpProblem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every platform API call made with an API key passes the plan's rate limit (per key, per minute) and counts
 * against the workspace's API calls a day. The browser's own calls (the editor saving a file, say) are the
 * product working, not API use, and count against neither.
 */
public class ApiUsageFilter {

    private final CurrentIdentityAssociation identities;
    private final RateLimiter rateLimiter;
    private final QuotaService quotas;
    private final Entitlements entitlements;
    private final ErrorResponses responses;

    ApiUsageFilter(
            CurrentIdentityAssociation identities,
            RateLimiter rateLimiter,
            QuotaService quotas,
            Entitlements entitlements,
            ErrorResponses responses) {
        this.identities = identities;
        this.rateLimiter = rateLimiter;
        this.quotas = quotas;
        this.entitlements = entitlements;
        this.responses = responses;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    Uni<Response> countApiCall(ContainerRequestContext request) {
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .onItem()
                .transformToUni(identity -> identity == null || keyOf(identity) == null
                        ? Uni.createFrom().nullItem()
                        : Uni.createFrom()
                                .item(() -> check(identity, request))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** Null when the call may go on; otherwise the 429 that says which limit fired. */
    private Response check(SecurityIdentity identity, ContainerRequestContext request) {
        ApiKeyPrincipal key = keyOf(identity);
        SignedInUser user = identity.getAttribute(SignedInUser.ATTRIBUTE);
        try {
            Limit perMinute = entitlements.plan(user.plan()).limit(Quantity.REQUESTS_PER_MINUTE);
            if (!perMinute.unlimited()) {
                rateLimiter.check(RateLimit.PLAN_API, key.keyId().toString(), perMinute.amount());
            }
            quotas.consume(user.workspaceId(), user.userId(), Meter.API_CALLS, 1);
            return null;
        } catch (HttpProblem limited) {
            return Response.fromResponse(responses.build(
                            limited.status(),
                            limited.detail(),
                            null,
                            limited.scope(),
                            request.getUriInfo().getPath(),
                            false))
                    .header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds())
                    .build();
        }
    }

    private static ApiKeyPrincipal keyOf(SecurityIdentity identity) {
        return identity.getAttribute(ApiKeyPrincipal.ATTRIBUTE);
    }
}
