package dev.qide.account.oidc;

import dev.qide.account.session.SessionCookie;
import dev.qide.account.session.SessionService;
import dev.qide.account.user.AccountConfig;
import dev.qide.identity.ClientInfo;
import dev.qide.web.Cookies;
import dev.qide.web.Flash;
import dev.qide.web.NotFoundRoute;
import dev.qide.web.Routes;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Where identity-provider sign-in lands. Quarkus OIDC runs the authorization-code flow on this path (see the
 * {@code oidc} permission in application.properties); by the time this method runs, the provider has said who the
 * person is. The provider's session is then dropped: from here on the person has an ordinary Q-IDE session.
 */
@Path(Routes.OIDC_SIGN_IN + "{provider}")
public class OidcSignInResource {

    /** Where to go after sign-in, kept across the round trip to the provider. */
    static final String NEXT_COOKIE = "qide_oidc_next";

    /** Name of Quarkus OIDC's session cookie, suffixed with the tenant id. */
    private static final String OIDC_SESSION_COOKIE = "q_session";

    private static final int MAX_SESSION_COOKIE_CHUNKS = 5;

    private final OidcProviders providers;
    private final OidcProfiles profiles;
    private final OidcAccounts accounts;
    private final SessionService sessions;
    private final SecurityIdentity identity;
    private final OidcSession oidcSession;
    private final Flash flash;
    private final Duration sessionLifetime;

    OidcSignInResource(
            OidcProviders providers,
            OidcProfiles profiles,
            OidcAccounts accounts,
            SessionService sessions,
            SecurityIdentity identity,
            OidcSession oidcSession,
            Flash flash,
            AccountConfig config) {
        this.providers = providers;
        this.profiles = profiles;
        this.accounts = accounts;
        this.sessions = sessions;
        this.identity = identity;
        this.oidcSession = oidcSession;
        this.flash = flash;
        this.sessionLifetime = config.sessionLifetime();
    }

    /**
     * Before the OIDC flow starts: unknown or switched-off providers are a plain 404 (not a failed sign-in), and a
     * {@code next} address is remembered in a short-lived cookie.
     */
    void gate(@Observes Router router) {
        router.route(Routes.OIDC_SIGN_IN + "*").order(Integer.MIN_VALUE + 2).handler(context -> {
            String id = context.normalizedPath().substring(Routes.OIDC_SIGN_IN.length());
            if (providers.find(id).isEmpty()) {
                NotFoundRoute.reroute(context);
                return;
            }
            String next = context.request().getParam("next");
            if (next != null && context.request().getParam("code") == null) {
                context.response()
                        .addCookie(Cookies.httpOnly(
                                NEXT_COOKIE, Routes.safeNext(next), Routes.OIDC_SIGN_IN, 600, context.request()));
            }
            context.next();
        });
    }

    @GET
    public Response signedIn(
            @RestPath String provider,
            @RestCookie(NEXT_COOKIE) String next,
            @Context HttpServerRequest request,
            @Context RoutingContext routing) {
        OidcProvider oidcProvider = providers.find(provider).orElseThrow();
        ClientInfo client = ClientInfo.of(request);
        String destination = Routes.LOGIN;
        NewCookie sessionCookie = null;
        try {
            OidcProfile profile = profiles.read(provider, identity);
            OidcAccounts.SignIn signIn = accounts.signIn(profile, oidcProvider.label());
            sessionCookie = SessionCookie.of(
                    sessions.start(signIn.user().id, provider, client), client, sessionLifetime.toSeconds());
            destination = Routes.safeNext(next);
            if (signIn.passwordRemoved()) {
                flash.warning("Signed in with " + oidcProvider.label() + ". Your email had not been confirmed, so "
                        + "the password set on this account was removed; set a new one in Settings if you want one.");
            } else if (signIn.created()) {
                flash.success("Welcome to Q-IDE, " + signIn.user().displayName + "!");
            }
        } catch (OidcAccounts.Refused refused) {
            flash.warning(refused.getMessage());
        } finally {
            dropProviderSession(provider, routing);
        }
        Response.ResponseBuilder response = Response.seeOther(URI.create(destination))
                .cookie(new NewCookie.Builder(NEXT_COOKIE)
                        .path(Routes.OIDC_SIGN_IN)
                        .maxAge(0)
                        .value("")
                        .build());
        if (sessionCookie != null) {
            response.cookie(sessionCookie);
        }
        return response.build();
    }

    /**
     * Quarkus OIDC has just set its own session cookie on this response; the browser must not keep it. Every cookie
     * of that session (large tokens are split into chunks) is expired in the same response.
     */
    private void dropProviderSession(String provider, RoutingContext routing) {
        oidcSession.logout().await().atMost(Duration.ofSeconds(10));
        String prefix = OIDC_SESSION_COOKIE + "_" + provider;
        routing.response().removeCookies(prefix, true);
        for (int chunk = 1; chunk <= MAX_SESSION_COOKIE_CHUNKS; chunk++) {
            routing.response().removeCookies(prefix + "_chunk_" + chunk, true);
        }
    }
}
