package dev.qide.team;

import dev.qide.identity.ApiScope;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.team.TeamAccess.Team;
import dev.qide.web.EnumNames;
import dev.qide.web.InvalidInputException;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A team's members as JSON: invite someone by email, remove a member. Both need the right to manage members. */
@Path("/api/teams/{teamId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresScope(ApiScope.TEAMS)
public class TeamMembersApiResource {

    /** Who to invite, and as what: {@code admin}, {@code editor} or {@code viewer}. */
    public record InviteBody(String email, String role) {}

    private final TeamApiAccess access;
    private final InvitationService invitations;
    private final TeamService teams;

    TeamMembersApiResource(TeamApiAccess access, InvitationService invitations, TeamService teams) {
        this.access = access;
        this.invitations = invitations;
        this.teams = teams;
    }

    /** Invites a person by email; the invitation link goes to them by mail only. */
    @POST
    public Response invite(UUID teamId, InviteBody body, @Context HttpServerRequest request) {
        Team team = access.require(teamId, WorkspaceAction.MANAGE_MEMBERS);
        if (body == null) {
            throw InvalidInputException.of("email", "Send a JSON body with email and role.");
        }
        TeamInvite invite = invitations.invite(
                team,
                body.email(),
                EnumNames.parse(WorkspaceRole.class, body.role()).orElse(null),
                ClientInfo.of(request).ipAddress());
        return Response.status(Response.Status.CREATED)
                .entity(InviteJson.of(invite, team.actor().email()))
                .build();
    }

    /** Removes a member (not the owner). */
    @DELETE
    @Path("{userId}")
    public Response remove(UUID teamId, UUID userId, @Context HttpServerRequest request) {
        Team team = access.require(teamId, WorkspaceAction.MANAGE_MEMBERS);
        teams.remove(team, userId, ClientInfo.of(request).ipAddress());
        return Response.noContent().build();
    }
}
