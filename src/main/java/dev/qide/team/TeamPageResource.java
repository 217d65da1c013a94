package dev.qide.team;

import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.plan.Plan;
import dev.qide.team.SeatPolicy.Seats;
import dev.qide.team.TeamAccess.Team;
import dev.qide.web.EnumNames;
import dev.qide.web.Flash;
import dev.qide.web.FormErrors;
import dev.qide.web.Htmx;
import dev.qide.web.InvalidInputException;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
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
import org.jboss.resteasy.reactive.RestForm;

/**
 * A team's members page: who is in it with which role, changing roles, removing, leaving, handing over ownership,
 * the team's settings and per-member LLM caps, and deleting the team. Invitations are a card of their own
 * ({@code TeamInvitesResource}), loaded into this page.
 */
@Path(Routes.TEAMS + "/{teamId}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TeamPageResource {

    /** One member as the table shows them, with what the viewer may do to them. */
    public record MemberRow(WorkspaceMember member, boolean you, boolean changeable, boolean transferable) {}

    /** Everything the page shows, with the input and messages of a form just sent. */
    public record TeamView(
            Team team,
            Plan plan,
            Seats seats,
            List<MemberRow> members,
            boolean current,
            TeamForm form,
            FormErrors errors) {

        public Workspace workspace() {
            return team.workspace();
        }

        public boolean may(String action) {
            return team.may(WorkspaceAction.valueOf(action));
        }

        public boolean teamFeatures() {
            return plan.has(Feature.SHARED_WORKSPACES);
        }

        public boolean memberQuotas() {
            return plan.has(Feature.MEMBER_QUOTAS);
        }

        /** "You are an admin." */
        public String youAre() {
            return "You are "
                    + (team.role() == WorkspaceRole.OWNER
                            ? "the owner"
                            : team.role().withArticle()) + ".";
        }

        /** Messages of the forms in the members table (role, cap, ownership), shown above it. */
        public List<String> memberErrors() {
            return MEMBER_FIELDS.stream().filter(errors::has).map(errors::get).toList();
        }

        public List<WorkspaceRole> assignableRoles() {
            return List.of(WorkspaceRole.ADMIN, WorkspaceRole.EDITOR, WorkspaceRole.VIEWER);
        }
    }

    private static final List<String> MEMBER_FIELDS = List.of("role", "cap", "member", FormErrors.FORM);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(TeamView view);

        static native TemplateInstance team$content(TeamView view);
    }

    private final CurrentUser currentUser;
    private final TeamAccess access;
    private final TeamService teams;
    private final SeatPolicy seats;
    private final Entitlements entitlements;
    private final Flash flash;

    TeamPageResource(
            CurrentUser currentUser,
            TeamAccess access,
            TeamService teams,
            SeatPolicy seats,
            Entitlements entitlements,
            Flash flash) {
        this.currentUser = currentUser;
        this.access = access;
        this.teams = teams;
        this.seats = seats;
        this.entitlements = entitlements;
        this.flash = flash;
    }

    @GET
    public TemplateInstance page(UUID teamId, @Context HttpHeaders headers) {
        TeamView view = view(open(teamId, WorkspaceAction.VIEW), null, FormErrors.none());
        return Htmx.wantsFragment(headers) ? Templates.team$content(view) : Templates.team(view);
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(
            UUID teamId,
            @RestForm String name,
            @RestForm String description,
            @RestForm("allowPersonalKeys") String allowPersonalKeys,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.MANAGE_SETTINGS);
        TeamForm form = new TeamForm(name, description == null ? "" : description);
        try {
            teams.update(team, form, allowPersonalKeys != null, ip(request));
        } catch (InvalidInputException e) {
            return invalid(team, form, e.errors());
        }
        return done(teamId, "Team settings saved.", headers);
    }

    @POST
    @Path("members/{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(
            UUID teamId,
            UUID userId,
            @RestForm String role,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.MANAGE_MEMBERS);
        WorkspaceRole wanted = EnumNames.parse(WorkspaceRole.class, role).orElse(null);
        try {
            WorkspaceMember member = teams.changeRole(team, userId, wanted, ip(request));
            return done(teamId, member.user.displayName + " is now " + member.role.withArticle() + ".", headers);
        } catch (InvalidInputException e) {
            return invalid(team, null, e.errors());
        }
    }

    @POST
    @Path("members/{userId}/cap")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setCap(
            UUID teamId,
            UUID userId,
            @RestForm String cap,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.MANAGE_SETTINGS);
        Integer parsed;
        try {
            parsed = cap == null || cap.isBlank() ? null : Integer.valueOf(cap.strip());
        } catch (NumberFormatException e) {
            return invalid(team, null, FormErrors.of("cap", "A cap is a whole number of requests a day, or empty."));
        }
        try {
            WorkspaceMember member = teams.setLlmCap(team, userId, parsed, ip(request));
            return done(
                    teamId,
                    member.user.displayName
                            + (parsed == null
                                    ? " shares the team's LLM requests."
                                    : " may send " + parsed + " LLM requests a day."),
                    headers);
        } catch (InvalidInputException e) {
            return invalid(team, null, e.errors());
        }
    }

    @POST
    @Path("members/{userId}/remove")
    public Response remove(UUID teamId, UUID userId, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.MANAGE_MEMBERS);
        WorkspaceMember member = teams.remove(team, userId, ip(request));
        return done(teamId, member.user.displayName + " was removed from the team.", headers);
    }

    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(
            UUID teamId,
            @RestForm("userId") UUID newOwner,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.TRANSFER_OWNERSHIP);
        try {
            teams.transferOwnership(team, newOwner, ip(request));
        } catch (InvalidInputException e) {
            return invalid(team, null, e.errors());
        }
        return done(teamId, "Ownership handed over. You are an admin of the team now.", headers);
    }

    @POST
    @Path("leave")
    public Response leave(UUID teamId, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.VIEW);
        teams.leave(team, ip(request));
        flash.success("You left \u201c" + team.workspace().name + "\u201d.");
        return Redirects.to(Routes.TEAMS, headers).build();
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(
            UUID teamId, @RestForm String confirm, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.DELETE_TEAM);
        try {
            teams.delete(team, confirm, ip(request));
        } catch (InvalidInputException e) {
            return invalid(team, null, e.errors());
        }
        flash.success("The team \u201c" + team.workspace().name + "\u201d was deleted.");
        return Redirects.to(Routes.TEAMS, headers).build();
    }

    private Team open(UUID teamId, WorkspaceAction action) {
        return access.require(currentUser.require(), teamId, action);
    }

    private Response done(UUID teamId, String message, HttpHeaders headers) {
        flash.success(message);
        return Redirects.to(Routes.team(teamId), headers).build();
    }

    private Response invalid(Team team, TeamForm form, FormErrors errors) {
        return Response.status(422)
                .entity(Templates.team(view(team, form, errors)))
                .build();
    }

    private TeamView view(Team team, TeamForm form, FormErrors errors) {
        Workspace workspace = team.workspace();
        boolean manages = team.may(WorkspaceAction.MANAGE_MEMBERS);
        boolean owner = team.may(WorkspaceAction.TRANSFER_OWNERSHIP);
        List<MemberRow> rows = teams.members(team).stream()
                .map(member -> {
                    boolean you = member.user.id.equals(team.actor().userId());
                    boolean isOwner = member.role == WorkspaceRole.OWNER;
                    return new MemberRow(member, you, manages && !isOwner && !you, owner && !you);
                })
                .toList();
        TeamForm shown = form != null
                ? form
                : new TeamForm(workspace.name, workspace.description == null ? "" : workspace.description);
        boolean current = workspace.id.equals(currentUser.require().workspaceId());
        return new TeamView(team, entitlements.plan(workspace.plan), seats.of(workspace), rows, current, shown, errors);
    }

    private static String ip(HttpServerRequest request) {
        return ClientInfo.of(request).ipAddress();
    }
}
