package dev.qide.team;

import dev.qide.identity.ApiScope;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.team.InvitationService.Accepted;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** A team's invitations as JSON: the open ones (for members), and accepting one as the caller. */
@Path("/api/teams/{teamId}/invites")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresScope(ApiScope.TEAMS)
public class TeamInvitesApiResource {

    public record InviteList(List<InviteJson> invites) {}

    /** The team joined and the role in it. */
    public record AcceptedJson(UUID teamId, WorkspaceRole role) {}

    private final TeamApiAccess access;
    private final InvitationService invitations;
    private final CurrentUser currentUser;

    TeamInvitesApiResource(TeamApiAccess access, InvitationService invitations, CurrentUser currentUser) {
        this.access = access;
        this.invitations = invitations;
        this.currentUser = currentUser;
    }

    /** Invitations still pending and not expired, newest first. */
    @GET
    public InviteList open(UUID teamId) {
        return new InviteList(invitations.openInvites(access.require(teamId, WorkspaceAction.VIEW)).stream()
                .map(row -> InviteJson.of(row.invite(), row.invitedByEmail()))
                .toList());
    }

    /**
     * Accepts an invitation of this team as the caller, whose email must be the invited one; the token is the one
     * from the invitation's link.
     */
    @POST
    @Path("{token}/accept")
    public AcceptedJson accept(UUID teamId, String token, @Context HttpServerRequest request) {
        Accepted accepted = invitations.accept(
                currentUser.require(), teamId, token, ClientInfo.of(request).ipAddress());
        return new AcceptedJson(accepted.teamId(), accepted.role());
    }
}
