package dev.qide.account.session;

import dev.qide.identity.ApiKeyRequest;
import dev.qide.web.Cookies;
import dev.qide.web.ErrorResponses;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the session cookie, or on API paths an {@code Authorization: Bearer qide_...} API key. Selected for every path
 * except the OIDC sign-in routes (see application.properties, {@code auth-mechanism=qide}). A stale cookie makes the
 * caller anonymous and is removed, never an error page. A Bearer key is all that counts where it is sent: a bad one
 * fails the request (see {@code ApiKeyRejectionFilter}), it never falls back to the cookie or to anonymous.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The name under which path permissions select this mechanism. */
    public static final String SCHEME = "qide";

    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionCookie.NAME, SCHEME);

    private static final String BEARER = "Bearer";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String bearer = bearerToken(context);
        if (bearer != null) {
            ApiKeyRequest request = new ApiKeyRequest(bearer);
            HttpSecurityUtils.setRoutingContextAttribute(request, context);
            return identities.authenticate(request);
        }
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        SessionTokenRequest request = new SessionTokenRequest(cookie.getValue());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request).onFailure().recoverWithUni(failure -> {
            context.response().addCookie(Cookies.httpOnly(SessionCookie.NAME, "", "/", 0, context.request()));
            return Uni.createFrom().nullItem();
        });
    }

    /** The token of an {@code Authorization: Bearer} header on an API path; pages only take the session cookie. */
    private static String bearerToken(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !ErrorResponses.isApi(context.normalizedPath())) {
            return null;
        }
        String[] schemeAndToken = authorization.strip().split("\\s+", 2);
        if (!schemeAndToken[0].equalsIgnoreCase(BEARER)) {
            return null;
        }
        return schemeAndToken.length == 2 ? schemeAndToken[1] : "";
    }

    /** Browsers are sent to the sign-in page; the REST layer answers API and htmx callers itself. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(303, "Location", "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class, ApiKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }
}
