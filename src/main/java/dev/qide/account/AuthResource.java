package dev.qide.account;

import dev.qide.account.oidc.OidcProvider;
import dev.qide.account.oidc.OidcProviders;
import dev.qide.account.oidc.OidcSignInResource;
import dev.qide.account.session.SessionCookie;
import dev.qide.account.session.SessionService;
import dev.qide.account.user.AccountConfig;
import dev.qide.account.user.EmailAddress;
import dev.qide.account.user.User;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.ratelimit.RateLimit;
import dev.qide.ratelimit.RateLimitedException;
import dev.qide.ratelimit.RateLimiter;
import dev.qide.web.Flash;
import dev.qide.web.FormErrors;
import dev.qide.web.Htmx;
import dev.qide.web.InvalidInputException;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** Sign-up, sign-in and sign-out with a password. Identity-provider sign-in is {@link OidcSignInResource}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AuthResource {

    static final String WRONG_CREDENTIALS =
            "That email and password don't match an account. Check them and try " + "again, or reset your password.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(SignUpForm form, FormErrors errors, List<OidcProvider> providers);

        static native TemplateInstance signup$content(SignUpForm form, FormErrors errors, List<OidcProvider> providers);

        static native TemplateInstance signup$form(SignUpForm form, FormErrors errors, List<OidcProvider> providers);

        static native TemplateInstance signupSent();

        static native TemplateInstance signupSent$content();

        static native TemplateInstance login(
                LoginForm form, FormErrors errors, List<OidcProvider> providers, String ssoError);

        static native TemplateInstance login$content(
                LoginForm form, FormErrors errors, List<OidcProvider> providers, String ssoError);

        static native TemplateInstance login$form(
                LoginForm form, FormErrors errors, List<OidcProvider> providers, String ssoError);
    }

    private final AccountService accounts;
    private final SignUps signUps;
    private final SessionService sessions;
    private final OidcProviders oidcProviders;
    private final CurrentUser currentUser;
    private final Flash flash;
    private final Duration sessionLifetime;
    private final RateLimiter rateLimiter;

    AuthResource(
            AccountService accounts,
            SignUps signUps,
            SessionService sessions,
            OidcProviders oidcProviders,
            CurrentUser currentUser,
            Flash flash,
            AccountConfig config,
            RateLimiter rateLimiter) {
        this.accounts = accounts;
        this.signUps = signUps;
        this.sessions = sessions;
        this.oidcProviders = oidcProviders;
        this.currentUser = currentUser;
        this.flash = flash;
        this.sessionLifetime = config.sessionLifetime();
        this.rateLimiter = rateLimiter;
    }

    @GET
    @Path("signup")
    public Response signupPage(@RestQuery String next, @RestQuery String email, @Context HttpHeaders headers) {
        if (currentUser.get().isPresent()) {
            return Redirects.to(Routes.safeNext(next), headers).build();
        }
        String prefilled = email == null || email.length() > EmailAddress.MAX_LENGTH ? null : email;
        SignUpForm form = SignUpForm.prefilled(prefilled, Routes.safeNext(next));
        List<OidcProvider> providers = oidcProviders.enabled();
        TemplateInstance page = Htmx.wantsFragment(headers)
                ? Templates.signup$content(form, FormErrors.none(), providers)
                : Templates.signup(form, FormErrors.none(), providers);
        return Response.ok(page).build();
    }

    /**
     * Takes the form and sends everyone to "check your inbox", whether or not the address has an account (the
     * account's owner is told by email instead): the form must not tell who has an account. No session starts here;
     * the account is made, and its session started, by the link in the email ({@link EmailLinkResource}).
     */
    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@BeanParam SignUpForm form, @Context HttpHeaders headers) {
        String email;
        try {
            email = signUps.request(form.email, form.displayName, form.password, form.next);
        } catch (InvalidInputException e) {
            SignUpForm kept = form.withoutPassword();
            List<OidcProvider> providers = oidcProviders.enabled();
            TemplateInstance page = Htmx.wantsFragment(headers)
                    ? Templates.signup$form(kept, e.errors(), providers)
                    : Templates.signup(kept, e.errors(), providers);
            return Response.status(422).entity(page).build();
        }
        flash.info("We sent an email to " + email + ". Open the link in it to go on.");
        return Redirects.to(Routes.SIGNUP_SENT, headers).build();
    }

    @GET
    @Path("signup/sent")
    public TemplateInstance signupSent(@Context HttpHeaders headers) {
        return Htmx.wantsFragment(headers) ? Templates.signupSent$content() : Templates.signupSent();
    }

    @GET
    @Path("login")
    public Response loginPage(@RestQuery String next, @Context HttpHeaders headers) {
        return loginPage(next, null, headers);
    }

    /** Where identity providers send people back when sign-in failed or was cancelled there. */
    @GET
    @Path("login/sso-error")
    public Response ssoError(@RestQuery("error_description") String description, @Context HttpHeaders headers) {
        String reason = description == null || description.isBlank()
                ? "Sign-in with your identity provider was cancelled or did not complete."
                : "Sign-in with your identity provider did not complete: " + cut(description, 200);
        return loginPage(null, reason, headers);
    }

    private Response loginPage(String next, String ssoError, HttpHeaders headers) {
        if (currentUser.get().isPresent()) {
            return Redirects.to(Routes.safeNext(next), headers).build();
        }
        LoginForm form = LoginForm.empty(Routes.safeNext(next));
        List<OidcProvider> providers = oidcProviders.enabled();
        TemplateInstance page = Htmx.wantsFragment(headers)
                ? Templates.login$content(form, FormErrors.none(), providers, ssoError)
                : Templates.login(form, FormErrors.none(), providers, ssoError);
        return Response.ok(page).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@BeanParam LoginForm form, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        ClientInfo client = ClientInfo.of(request);
        try {
            // A flood from one address is slowed; so are guesses at one account from many addresses.
            rateLimiter.check(RateLimit.SIGN_IN_PER_ADDRESS, String.valueOf(client.ipAddress()));
            rateLimiter.check(RateLimit.SIGN_IN_PER_ACCOUNT, EmailAddress.normalize(form.email));
        } catch (RateLimitedException e) {
            return Response.fromResponse(loginAgain(form, e.detail(), headers, 429))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                    .build();
        }
        Optional<User> user = accounts.authenticate(form.email, form.password);
        if (user.isEmpty()) {
            return loginAgain(form, WRONG_CREDENTIALS, headers, 422);
        }
        String token = sessions.start(user.get().id, "password", client);
        return Redirects.to(Routes.safeNext(form.next), headers)
                .cookie(SessionCookie.of(token, client, sessionLifetime.toSeconds()))
                .build();
    }

    /** The sign-in form again, with what was typed (never the password) and why it did not work. */
    private Response loginAgain(LoginForm form, String message, HttpHeaders headers, int status) {
        LoginForm kept = form.withoutPassword();
        FormErrors errors = FormErrors.of(FormErrors.FORM, message);
        List<OidcProvider> providers = oidcProviders.enabled();
        TemplateInstance page = Htmx.wantsFragment(headers)
                ? Templates.login$form(kept, errors, providers, null)
                : Templates.login(kept, errors, providers, null);
        return Response.status(status).entity(page).build();
    }

    @POST
    @Path("logout")
    public Response logOut(
            @RestCookie(SessionCookie.NAME) String token,
            @RestForm String next,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        if (token != null && !token.isBlank()) {
            sessions.end(token);
        }
        flash.info("You have signed out.");
        // "next": signing out to come back as someone else (an invitation sent to another address).
        return Redirects.to(Routes.loginThen(next), headers)
                .cookie(SessionCookie.cleared(ClientInfo.of(request)))
                .build();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
