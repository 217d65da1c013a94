package dev.qide.team;

import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceRole;
import dev.qide.team.InvitationService.Accepted;
import dev.qide.team.InvitationService.Preview;
import dev.qide.web.Flash;
import dev.qide.web.Htmx;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import dev.qide.workspace.Workspace;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/**
 * The page an invitation email links to: who invited whom to which team, and the way to answer it — sign up or sign
 * in first when nobody is signed in. Every link that cannot be used gets its own page saying why.
 */
@Path(Routes.INVITES + "/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invite(InviteView view);

        static native TemplateInstance invite$content(InviteView view);

        static native TemplateInstance refused(RefusalView view);

        static native TemplateInstance refused$content(RefusalView view);
    }

    /** An invitation that can be answered, as the page shows it. */
    public record InviteView(
            String token,
            String teamName,
            String inviterName,
            String email,
            WorkspaceRole role,
            Instant expiresAt,
            SignedInUser user,
            boolean accountExists) {

        public String path() {
            return Routes.invite(token);
        }

        /** "an admin", "a viewer". */
        public String roleWithArticle() {
            return role.withArticle();
        }

        public String signupLink() {
            return Routes.signupThen(path(), email);
        }

        public String loginLink() {
            return Routes.loginThen(path());
        }
    }

    /** Why the link cannot be used, and what to offer instead. */
    public record RefusalView(InviteRefused refusal, String token, SignedInUser user) {

        public String title() {
            return refusal.reason().title();
        }

        public boolean wrongRecipient() {
            return refusal.reason() == InviteRefused.Reason.WRONG_RECIPIENT;
        }

        public boolean alreadyMember() {
            return refusal.reason() == InviteRefused.Reason.ALREADY_MEMBER;
        }

        /** Where signing out from the wrong account leads: back to this invitation, through sign-in. */
        public String path() {
            return Routes.invite(token);
        }

        public String teamPath() {
            return refusal.teamId() == null ? Routes.DASHBOARD : Routes.team(refusal.teamId());
        }
    }

    private final InvitationService invitations;
    private final CurrentUser currentUser;
    private final Flash flash;

    InvitesResource(InvitationService invitations, CurrentUser currentUser, Flash flash) {
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @GET
    public Response page(String token, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.get().orElse(null);
        Preview preview;
        try {
            preview = invitations.preview(token, user);
        } catch (InviteRefused refusal) {
            return refusedPage(refusal, token, user, headers);
        }
        TeamInvite invite = preview.invite();
        InviteView view = new InviteView(
                token,
                preview.team().name,
                preview.inviterName(),
                invite.email,
                invite.role,
                invite.expiresAt,
                user,
                preview.accountExists());
        return Response.ok(Htmx.wantsFragment(headers) ? Templates.invite$content(view) : Templates.invite(view))
                .build();
    }

    @POST
    @Path("accept")
    public Response accept(String token, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Redirects.to(Routes.loginThen(Routes.invite(token)), headers).build();
        }
        Accepted accepted;
        try {
            accepted =
                    invitations.accept(user.get(), token, ClientInfo.of(request).ipAddress());
        } catch (InviteRefused refusal) {
            return refusedPage(refusal, token, user.get(), headers);
        }
        flash.success("Welcome to " + accepted.teamName() + "! You joined as "
                + accepted.role().withArticle() + ".");
        return Redirects.to(Routes.team(accepted.teamId()), headers).build();
    }

    @POST
    @Path("decline")
    public Response decline(String token, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Redirects.to(Routes.loginThen(Routes.invite(token)), headers).build();
        }
        Workspace team;
        try {
            team = invitations.decline(user.get(), token, ClientInfo.of(request).ipAddress());
        } catch (InviteRefused refusal) {
            return refusedPage(refusal, token, user.get(), headers);
        }
        flash.info("You declined the invitation to " + team.name + ".");
        return Redirects.to(Routes.DASHBOARD, headers).build();
    }

    private static Response refusedPage(InviteRefused refusal, String token, SignedInUser user, HttpHeaders headers) {
        RefusalView view = new RefusalView(refusal, token, user);
        TemplateInstance page = Htmx.wantsFragment(headers) ? Templates.refused$content(view) : Templates.refused(view);
        return Response.status(refusal.status()).entity(page).build();
    }
}
