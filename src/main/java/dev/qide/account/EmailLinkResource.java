package dev.qide.account;

import dev.qide.account.session.SessionCookie;
import dev.qide.account.session.SessionService;
import dev.qide.account.user.AccountConfig;
import dev.qide.account.user.EmailAddress;
import dev.qide.account.user.User;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The pages behind links sent by email: confirming an address, and choosing a new password. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EmailLinkResource {

    static final String RESET_REQUESTED = "If an account uses that address, we've sent it a link to choose a new "
            + "password. The link works for a limited time; check your spam folder if it doesn't arrive.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forgotPassword(String email, FormErrors errors, boolean requested);

        static native TemplateInstance forgotPassword$form(String email, FormErrors errors, boolean requested);

        static native TemplateInstance resetPassword(String token, FormErrors errors, boolean usable);

        static native TemplateInstance resetPassword$form(String token, FormErrors errors, boolean usable);

        static native TemplateInstance linkInvalid(String title, String message);

        static native TemplateInstance finishSignUp(String name, String email, String token, FormErrors errors);

        static native TemplateInstance finishSignUp$form(String token, FormErrors errors);
    }

    static final String SIGN_UP_LINK_INVALID = "This sign-up link doesn't work";

    private final EmailLinks links;
    private final SignUps signUps;
    private final SessionService sessions;
    private final CurrentUser currentUser;
    private final Flash flash;
    private final RateLimiter rateLimiter;
    private final Duration sessionLifetime;

    EmailLinkResource(
            EmailLinks links,
            SignUps signUps,
            SessionService sessions,
            CurrentUser currentUser,
            Flash flash,
            RateLimiter rateLimiter,
            AccountConfig config) {
        this.links = links;
        this.signUps = signUps;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.flash = flash;
        this.rateLimiter = rateLimiter;
        this.sessionLifetime = config.sessionLifetime();
    }

    /** The link mailed to a new address: asks for the password chosen on the sign-up form. */
    @GET
    @Path("signup/confirm")
    public Response finishSignUpPage(@RestQuery String token) {
        return signUps.pending(token)
                .map(pending -> Response.ok(
                                Templates.finishSignUp(pending.displayName, pending.email, token, FormErrors.none()))
                        .build())
                .orElseGet(EmailLinkResource::signUpLinkInvalid);
    }

    /**
     * Makes the account and signs its owner in. Each try counts against the sign-in limit of the caller's address, as
     * a sign-in does (a bcrypt check each); not against the account's, which does not exist yet.
     */
    @POST
    @Path("signup/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finishSignUp(
            @RestForm String token,
            @RestForm String password,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Optional<SignUpRequest> pending = signUps.pending(token);
        if (pending.isEmpty()) {
            return signUpLinkInvalid();
        }
        ClientInfo client = ClientInfo.of(request);
        try {
            rateLimiter.check(RateLimit.SIGN_IN_PER_ADDRESS, String.valueOf(client.ipAddress()));
        } catch (RateLimitedException e) {
            return Response.fromResponse(finishSignUpAgain(
                            pending.get(), token, FormErrors.of(FormErrors.FORM, e.detail()), headers, 429))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                    .build();
        }
        Optional<SignUps.Finished> finished;
        try {
            finished = signUps.finish(token, password);
        } catch (InvalidInputException e) {
            return finishSignUpAgain(pending.get(), token, e.errors(), headers, 422);
        }
        if (finished.isEmpty()) {
            return signUpLinkInvalid();
        }
        if (finished.get().accountExisted()) {
            flash.info("This address has an account already. Sign in, or reset your password if you forgot it.");
            return Redirects.to(Routes.LOGIN, headers).build();
        }
        User user = finished.get().user();
        String session = sessions.start(user.id, "password", client);
        flash.success("Welcome to Q-IDE, " + user.displayName + "! Your account is ready.");
        return Redirects.to(Routes.safeNext(finished.get().next()), headers)
                .cookie(SessionCookie.of(session, client, sessionLifetime.toSeconds()))
                .build();
    }

    private static Response finishSignUpAgain(
            SignUpRequest pending, String token, FormErrors errors, HttpHeaders headers, int status) {
        TemplateInstance page = Htmx.wantsFragment(headers)
                ? Templates.finishSignUp$form(token, errors)
                : Templates.finishSignUp(pending.displayName, pending.email, token, errors);
        return Response.status(status).entity(page).build();
    }

    private static Response signUpLinkInvalid() {
        return Response.status(410)
                .entity(Templates.linkInvalid(
                        SIGN_UP_LINK_INVALID,
                        "Sign-up links work once, for a limited time: this one was used already or has expired. Sign"
                                + " up again for a new one, or sign in if your account is ready."))
                .build();
    }

    @GET
    @Path("verify-email")
    public Response verify(@RestQuery String token) {
        return links.verify(token)
                .map(user -> {
                    flash.success("Thanks! " + user.email + " is confirmed.");
                    String next = currentUser.get().isPresent() ? Routes.DASHBOARD : Routes.LOGIN;
                    return Response.seeOther(URI.create(next)).build();
                })
                .orElseGet(() -> Response.status(410)
                        .entity(Templates.linkInvalid(
                                "This confirmation link doesn't work",
                                "It may have been used already or expired. Sign in and ask for a new one from your "
                                        + "dashboard."))
                        .build());
    }

    /** Sends a new confirmation link to the signed-in person. */
    @POST
    @Path("verify-email/resend")
    public Response resend(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        switch (links.sendVerification(user.userId())) {
            case SENT -> flash.success("We sent a new confirmation link to " + user.email() + ".");
            case RECENTLY_SENT ->
                flash.info("We sent a link less than a minute ago. Check your inbox and spam folder.");
            case NOT_NEEDED -> flash.info("Your email address is already confirmed.");
            case MAIL_FAILED -> flash.warning("We couldn't send the email just now. Please try again later.");
        }
        return Redirects.to(Routes.DASHBOARD, headers).build();
    }

    @GET
    @Path("forgot-password")
    public TemplateInstance forgotPage() {
        return Templates.forgotPassword("", FormErrors.none(), false);
    }

    @POST
    @Path("forgot-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestReset(@RestForm String email, @Context HttpHeaders headers) {
        String normalized = EmailAddress.normalize(email);
        FormErrors errors = FormErrors.none();
        EmailAddress.problem(normalized).ifPresent(message -> errors.add("email", message));
        if (errors.isEmpty()) {
            links.sendPasswordReset(normalized);
        }
        boolean requested = errors.isEmpty();
        TemplateInstance page = Htmx.wantsFragment(headers)
                ? Templates.forgotPassword$form(email, errors, requested)
                : Templates.forgotPassword(email, errors, requested);
        return Response.status(requested ? 200 : 422).entity(page).build();
    }

    @GET
    @Path("reset-password")
    public Response resetPage(@RestQuery String token) {
        boolean usable = links.isResetLinkUsable(token);
        return Response.status(usable ? 200 : 410)
                .entity(Templates.resetPassword(token, FormErrors.none(), usable))
                .build();
    }

    /** Sets the new password and signs the person in, everywhere else out. */
    @POST
    @Path("reset-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(
            @RestForm String token,
            @RestForm String password,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        try {
            return links.resetPassword(token, password)
                    .map(user -> {
                        ClientInfo client = ClientInfo.of(request);
                        String session = sessions.start(user.id, "password", client);
                        flash.success("Your password was changed, and every other session was signed out.");
                        return Redirects.to(Routes.DASHBOARD, headers)
                                .cookie(SessionCookie.of(session, client, sessionLifetime.toSeconds()))
                                .build();
                    })
                    .orElseGet(() -> Response.status(410)
                            .entity(Templates.resetPassword(token, FormErrors.none(), false))
                            .build());
        } catch (InvalidInputException e) {
            TemplateInstance page = Htmx.wantsFragment(headers)
                    ? Templates.resetPassword$form(token, e.errors(), true)
                    : Templates.resetPassword(token, e.errors(), true);
            return Response.status(422).entity(page).build();
        }
    }
}
