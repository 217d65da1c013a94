package dev.qide.team;

import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.team.InvitationService.OpenInvite;
import dev.qide.team.SeatPolicy.Seats;
import dev.qide.team.TeamAccess.Team;
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
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The invitations card of a team's members page (loaded there by htmx; a page of its own without htmx): the invite
 * form, the seats, and the open invitations with re-send and revoke. Members who do not manage members see only the
 * list. A change answers htmx with the card and an {@value #INVITES_CHANGED} event (the members card shows the seats
 * too); the card fetches itself again when members change.
 */
@Path(TeamRoutes.INVITES)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TeamInvitesResource {

    /** The event htmx fires on the page when invitations changed. */
    static final String INVITES_CHANGED = "invitesChanged";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invites(CardView view);

        static native TemplateInstance invites$content(CardView view);

        static native TemplateInstance invites$card(CardView view);
    }

    /** The invite form as typed. */
    public record InviteForm(String email, String role) {

        static final InviteForm BLANK = new InviteForm("", WorkspaceRole.EDITOR.name());
    }

    /** Everything the card shows. */
    public record CardView(
            Team team, Seats seats, List<OpenInvite> invites, InviteForm form, FormErrors errors, String done) {

        public boolean manages() {
            return team.may(WorkspaceAction.MANAGE_MEMBERS);
        }

        public boolean managesBilling() {
            return team.may(WorkspaceAction.MANAGE_BILLING);
        }

        public List<WorkspaceRole> roles() {
            return InvitationService.ROLES;
        }

        public TeamRoutes.Paths paths() {
            return TeamRoutes.of(team.id());
        }
    }

    private final TeamAccess access;
    private final InvitationService invitations;
    private final SeatPolicy seats;
    private final CurrentUser currentUser;
    private final Flash flash;

    TeamInvitesResource(
            TeamAccess access, InvitationService invitations, SeatPolicy seats, CurrentUser currentUser, Flash flash) {
        this.access = access;
        this.invitations = invitations;
        this.seats = seats;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @GET
    public TemplateInstance card(UUID teamId, @Context HttpHeaders headers) {
        Team team = access.require(currentUser.require(), teamId, WorkspaceAction.VIEW);
        CardView view = view(team, InviteForm.BLANK, FormErrors.none(), null);
        return Htmx.wantsFragment(headers) ? Templates.invites$card(view) : Templates.invites(view);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(
            UUID teamId,
            @RestForm String email,
            @RestForm String role,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Team team = access.require(currentUser.require(), teamId, WorkspaceAction.MANAGE_MEMBERS);
        InviteForm form = new InviteForm(email == null ? "" : email, role == null ? "" : role);
        TeamInvite invite;
        try {
            invite = invitations.invite(
                    team,
                    email,
                    EnumNames.parse(WorkspaceRole.class, role).orElse(null),
                    ClientInfo.of(request).ipAddress());
        } catch (InvalidInputException e) {
            CardView view = view(team, form, e.errors(), null);
            TemplateInstance page =
                    Htmx.wantsFragment(headers) ? Templates.invites$card(view) : Templates.invites(view);
            return Response.status(422).entity(page).build();
        }
        return done(
                team,
                "Invited " + invite.email + " as " + invite.role.withArticle() + ". The invitation works until "
                        + TeamMailer.expiry(invite.expiresAt) + ".",
                headers);
    }

    @POST
    @Path(TeamRoutes.INVITE_RESEND)
    public Response resend(
            UUID teamId, UUID inviteId, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return act(
                teamId,
                headers,
                team -> invitations.resend(
                        team, inviteId, ClientInfo.of(request).ipAddress()),
                invite -> "Sent the invitation to " + invite.email + " again. The earlier link no longer works.");
    }

    @POST
    @Path(TeamRoutes.INVITE_REVOKE)
    public Response revoke(
            UUID teamId, UUID inviteId, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return act(
                teamId,
                headers,
                team -> invitations.revoke(
                        team, inviteId, ClientInfo.of(request).ipAddress()),
                invite -> "Revoked the invitation to " + invite.email + ". Its link no longer works.");
    }

    private Response act(
            UUID teamId, HttpHeaders headers, Function<Team, TeamInvite> action, Function<TeamInvite, String> message) {
        Team team = access.require(currentUser.require(), teamId, WorkspaceAction.MANAGE_MEMBERS);
        TeamInvite invite;
        try {
            invite = action.apply(team);
        } catch (InvalidInputException e) {
            CardView view = view(team, InviteForm.BLANK, e.errors(), null);
            TemplateInstance page =
                    Htmx.wantsFragment(headers) ? Templates.invites$card(view) : Templates.invites(view);
            return Response.status(422).entity(page).build();
        }
        return done(team, message.apply(invite), headers);
    }

    /** htmx gets the card again with the news; a plain form goes back to the members page with it. */
    private Response done(Team team, String message, HttpHeaders headers) {
        if (Htmx.wantsFragment(headers)) {
            return Response.ok(Templates.invites$card(view(team, InviteForm.BLANK, FormErrors.none(), message)))
                    .header(Htmx.TRIGGER, INVITES_CHANGED)
                    .build();
        }
        flash.success(message);
        return Redirects.to(Routes.team(team.id()), headers).build();
    }

    private CardView view(Team team, InviteForm form, FormErrors errors, String done) {
        return new CardView(team, seats.of(team.workspace()), invitations.openInvites(team), form, errors, done);
    }
}
