package dev.qide.account;

import dev.qide.account.oidc.OidcProvider;
import dev.qide.account.oidc.OidcProviders;
import dev.qide.account.session.SessionService;
import dev.qide.account.session.UserSession;
import dev.qide.account.user.User;
import dev.qide.account.user.UserIdentity;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.Theme;
import dev.qide.web.EnumNames;
import dev.qide.web.Flash;
import dev.qide.web.FormErrors;
import dev.qide.web.Htmx;
import dev.qide.web.InvalidInputException;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/** The person's own settings: profile, password, theme, sign-in methods and sessions. */
@Path(Routes.SETTINGS)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsView view);

        static native TemplateInstance settings$content(SettingsView view);

        static native TemplateInstance settings$profile(SettingsView view);

        static native TemplateInstance settings$password(SettingsView view);
    }

    /** Everything the settings page shows, with the messages of the form that was just sent. */
    public record SettingsView(
            SignedInUser user,
            String displayName,
            FormErrors errors,
            String saved,
            List<UserIdentity> identities,
            List<UserSession> sessions,
            List<OidcProvider> providers,
            List<Theme> themes) {}

    private final AccountService accounts;
    private final SessionService sessions;
    private final OidcProviders providers;
    private final CurrentUser currentUser;
    private final Flash flash;

    SettingsResource(
            AccountService accounts,
            SessionService sessions,
            OidcProviders providers,
            CurrentUser currentUser,
            Flash flash) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.providers = providers;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        SettingsView view = view(null, FormErrors.none(), null);
        return Htmx.wantsFragment(headers) ? Templates.settings$content(view) : Templates.settings(view);
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveProfile(@RestForm String displayName, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        try {
            accounts.changeDisplayName(user.userId(), displayName);
        } catch (InvalidInputException e) {
            SettingsView view = view(displayName, e.errors(), null);
            return Response.status(422)
                    .entity(Htmx.wantsFragment(headers) ? Templates.settings$profile(view) : Templates.settings(view))
                    .build();
        }
        return saved(headers, "Your name was saved.", true);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(
            @RestForm String currentPassword, @RestForm String newPassword, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        try {
            accounts.changePassword(user.userId(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            SettingsView view = view(null, e.errors(), null);
            return Response.status(422)
                    .entity(Htmx.wantsFragment(headers) ? Templates.settings$password(view) : Templates.settings(view))
                    .build();
        }
        long ended = sessions.endOthers(user.userId(), user.sessionId());
        String message = ended == 0
                ? "Your password was changed."
                : "Your password was changed, and " + ended + " other session" + (ended == 1 ? " was" : "s were")
                        + " signed out.";
        return saved(headers, message, false);
    }

    @POST
    @Path("theme")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTheme(@RestForm String theme, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Theme chosen = EnumNames.parse(Theme.class, theme)
                .orElseThrow(() -> InvalidInputException.of("theme", "Choose light, dark or match my system."));
        accounts.changeTheme(user.userId(), chosen);
        flash.success("Theme set to " + chosen.label().toLowerCase(Locale.ROOT) + ".");
        return Redirects.to(Routes.SETTINGS, headers).build();
    }

    @POST
    @Path("sessions/end-others")
    public Response endOtherSessions(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        long ended = sessions.endOthers(user.userId(), user.sessionId());
        flash.success(
                ended == 0
                        ? "There were no other sessions."
                        : "Signed out " + ended + " other session" + (ended == 1 ? "." : "s."));
        return Redirects.to(Routes.SETTINGS, headers).build();
    }

    /**
     * After a successful save: htmx gets the section again with a confirmation (and the navigation refreshed
     * when the name changed); a plain form gets the page again through a redirect.
     */
    private Response saved(HttpHeaders headers, String message, boolean profile) {
        if (!Htmx.wantsFragment(headers)) {
            flash.success(message);
            return Redirects.to(Routes.SETTINGS, headers).build();
        }
        SettingsView view = view(null, FormErrors.none(), message);
        return Response.ok(profile ? Templates.settings$profile(view) : Templates.settings$password(view))
                .build();
    }

    private SettingsView view(String typedName, FormErrors errors, String saved) {
        SignedInUser user = currentUser.require();
        User account = accounts.find(user.userId());
        return new SettingsView(
                user,
                typedName != null ? typedName : account.displayName,
                errors,
                saved,
                UserIdentity.listForUser(user.userId()),
                sessions.liveSessions(user.userId()),
                providers.enabled(),
                List.of(Theme.values()));
    }
}
