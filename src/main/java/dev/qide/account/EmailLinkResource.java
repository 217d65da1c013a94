package dev.qide.account;

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
    }

    private final EmailLinks links;
    private final SessionService sessions;
    private final CurrentUser currentUser;
    private final Flash flash;
    private final Duration sessionLifetime;

    EmailLinkResource(
            EmailLinks links, SessionService sessions, CurrentUser currentUser, Flash flash, AccountConfig config) {
        this.links = links;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.flash = flash;
        this.sessionLifetime = config.sessionLifetime();
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
