package dev.qide.team;

import dev.qide.identity.ApiScope;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.team.SeatPolicy.Seats;
import dev.qide.team.TeamAccess.Team;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Teams as JSON: listing and creating them, reading one with its members and seats, changing its settings.
 * Members and invitations have their own resources under {@code /api/teams/{teamId}/…}.
 */
@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresScope(ApiScope.TEAMS)
public class TeamsApiResource {

    /** A team in a list: what it is and the caller's role in it. */
    public record TeamSummary(UUID id, String name, String description, String plan, String role, long members) {}

    public record TeamList(List<TeamSummary> teams) {}

    public record MemberView(
            UUID userId,
            String email,
            String displayName,
            String role,
            Instant joinedAt,
            Instant lastActiveAt,
            Integer llmDailyCap) {}

    public record SeatsView(long members, long openInvites, Long limit) {}

    public record TeamView(
            UUID id,
            String name,
            String description,
            String plan,
            String role,
            boolean allowPersonalKeys,
            Instant createdAt,
            SeatsView seats,
            List<MemberView> members) {}

    /** The body of POST and PUT; on PUT, what is absent stays as it is. */
    public record TeamRequest(String name, String description, Boolean allowPersonalKeys) {}

    private final CurrentUser currentUser;
    private final TeamAccess access;
    private final TeamApiAccess apiAccess;
    private final TeamService teams;
    private final SeatPolicy seats;

    TeamsApiResource(
            CurrentUser currentUser, TeamAccess access, TeamApiAccess apiAccess, TeamService teams, SeatPolicy seats) {
        this.currentUser = currentUser;
        this.access = access;
        this.apiAccess = apiAccess;
        this.teams = teams;
        this.seats = seats;
    }

    /** The caller's teams (for an API key, only its own team, if it was made in one). */
    @GET
    public TeamList list() {
        SignedInUser user = currentUser.require();
        return new TeamList(WorkspaceMember.membershipsOf(user.userId()).stream()
                .filter(membership -> membership.workspace.isTeam())
                .filter(membership -> TeamApiAccess.reaches(user, membership.workspace.id))
                .map(membership -> new TeamSummary(
                        membership.workspace.id,
                        membership.workspace.name,
                        membership.workspace.description,
                        membership.workspace.plan.name(),
                        membership.role.name(),
                        WorkspaceMember.countIn(membership.workspace.id)))
                .toList());
    }

    /** Creates a team with the caller as its owner: 201 with the team. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TeamRequest body, @Context HttpServerRequest request) {
        SignedInUser user = currentUser.require();
        TeamRequest given = body == null ? new TeamRequest(null, null, null) : body;
        Workspace team = teams.create(
                user,
                new TeamForm(given.name(), given.description()),
                ClientInfo.of(request).ipAddress());
        TeamView view = view(access.require(user, team.id, WorkspaceAction.VIEW));
        return Response.created(URI.create("/api/teams/" + team.id))
                .entity(view)
                .build();
    }

    @GET
    @Path("{teamId}")
    public TeamView get(UUID teamId) {
        return view(apiAccess.require(teamId, WorkspaceAction.VIEW));
    }

    /**
     * Changes the name, description or personal-keys setting (owners and admins). One transaction, so the answer
     * shows the team as changed rather than as first read.
     */
    @PUT
    @Transactional
    @Path("{teamId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TeamView update(UUID teamId, TeamRequest body, @Context HttpServerRequest request) {
        Team team = apiAccess.require(teamId, WorkspaceAction.MANAGE_SETTINGS);
        TeamRequest given = body == null ? new TeamRequest(null, null, null) : body;
        teams.update(
                team,
                new TeamForm(given.name(), given.description()),
                given.allowPersonalKeys(),
                ClientInfo.of(request).ipAddress());
        return view(apiAccess.require(teamId, WorkspaceAction.VIEW));
    }

    private TeamView view(Team team) {
        Workspace workspace = team.workspace();
        Seats seated = seats.of(workspace);
        List<MemberView> members = teams.members(team).stream()
                .map(member -> new MemberView(
                        member.user.id,
                        member.user.email,
                        member.user.displayName,
                        member.role.name(),
                        member.joinedAt,
                        member.lastActiveAt,
                        member.llmDailyCap))
                .toList();
        return new TeamView(
                workspace.id,
                workspace.name,
                workspace.description,
                workspace.plan.name(),
                team.role().name(),
                workspace.allowPersonalKeys,
                workspace.createdAt,
                new SeatsView(
                        seated.members(),
                        seated.openInvites(),
                        seated.limit().unlimited() ? null : seated.limit().amount()),
                members);
    }
}
