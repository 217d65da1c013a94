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
import jakarta.validation.Validator;
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
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A team's members page: who is in it with which role, changing roles, removing, leaving, handing over ownership,
 * the team's settings and per-member LLM caps, and deleting the team. Invitations are a card of their own
 * ({@code TeamInvitesResource}), loaded into this page. With htmx, a change to a member answers with the news and a
 * {@value #MEMBERS_CHANGED} event the members card re-fetches itself on; a refused form answers with its own card.
 */
@Path(TeamRoutes.TEAM)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TeamPageResource {

    /** The event htmx fires on the page when members changed: the members and invitations cards fetch themselves. */
    static final String MEMBERS_CHANGED = "membersChanged";

    /** One member as the table shows them, with what the viewer may do to them. */
    public record MemberRow(WorkspaceMember member, boolean you, boolean changeable, boolean transferable) {

        public String transferQuestion() {
            return "Make " + member.user.displayName + " the owner? You will become an admin.";
        }

        public String removeQuestion() {
            return "Remove " + member.user.displayName + " from the team?";
        }
    }

    /** What was typed into a refused form besides the team's name and description, to show it again. */
    public record Typed(Boolean allowPersonalKeys, UUID capFor, String cap, String confirm) {

        static final Typed NOTHING = new Typed(null, null, null, "");
    }

    /** Everything the page shows, with the input and messages of a form just sent. */
    public record TeamView(
            Team team,
            Plan plan,
            Seats seats,
            List<MemberRow> members,
            boolean current,
            TeamForm form,
            FormErrors errors,
            Typed typed) {

        public Workspace workspace() {
            return team.workspace();
        }

        public TeamRoutes.Paths paths() {
            return TeamRoutes.of(team.id());
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

        public String leaveQuestion() {
            return "Leave " + workspace().name + "?";
        }

        /** Messages of the forms in the members table (role, cap, ownership), shown above it. */
        public List<String> memberErrors() {
            return MEMBER_FIELDS.stream().filter(errors::has).map(errors::get).toList();
        }

        public List<WorkspaceRole> assignableRoles() {
            return List.of(WorkspaceRole.ADMIN, WorkspaceRole.EDITOR, WorkspaceRole.VIEWER);
        }

        public boolean allowsPersonalKeys() {
            return typed.allowPersonalKeys() != null ? typed.allowPersonalKeys() : workspace().allowPersonalKeys;
        }

        /** The cap field of a member: what was just typed there when it was refused, else the cap. */
        public String capShown(MemberRow row) {
            if (capRefused(row)) {
                return typed.cap();
            }
            return row.member().llmDailyCap == null
                    ? ""
                    : row.member().llmDailyCap.toString();
        }

        public boolean capRefused(MemberRow row) {
            return errors.has("cap") && row.member().user.id.equals(typed.capFor());
        }
    }

    private static final List<String> MEMBER_FIELDS = List.of("role", "cap", "member", FormErrors.FORM);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(TeamView view);

        static native TemplateInstance team$content(TeamView view);

        static native TemplateInstance team$members(TeamView view);

        static native TemplateInstance team$settings(TeamView view);

        static native TemplateInstance team$deletion(TeamView view);

        static native TemplateInstance team$notice(String message);
    }

    private final CurrentUser currentUser;
    private final TeamAccess access;
    private final TeamService teams;
    private final SeatPolicy seats;
    private final Entitlements entitlements;
    private final Flash flash;
    private final Validator validator;

    TeamPageResource(
            CurrentUser currentUser,
            TeamAccess access,
            TeamService teams,
            SeatPolicy seats,
            Entitlements entitlements,
            Flash flash,
            Validator validator) {
        this.currentUser = currentUser;
        this.access = access;
        this.teams = teams;
        this.seats = seats;
        this.entitlements = entitlements;
        this.flash = flash;
        this.validator = validator;
    }

    @GET
    public TemplateInstance page(UUID teamId, @Context HttpHeaders headers) {
        TeamView view = view(open(teamId, WorkspaceAction.VIEW), null, FormErrors.none(), Typed.NOTHING);
        return Htmx.wantsFragment(headers) ? Templates.team$content(view) : Templates.team(view);
    }

    /** The members card, as htmx fetches it again after a change; the whole page without htmx. */
    @GET
    @Path(TeamRoutes.MEMBERS)
    public TemplateInstance members(UUID teamId, @Context HttpHeaders headers) {
        TeamView view = view(open(teamId, WorkspaceAction.VIEW), null, FormErrors.none(), Typed.NOTHING);
        return Htmx.wantsFragment(headers) ? Templates.team$members(view) : Templates.team(view);
    }

    /** Saves the settings; the name shows all over the page (and in the navigation), so htmx reloads it. */
    @POST
    @Path(TeamRoutes.SETTINGS)
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
            Typed typed = new Typed(allowPersonalKeys != null, null, null, "");
            return refused(view(team, form, e.errors(), typed), headers, Templates::team$settings, "#team-settings");
        }
        flash.success("Team settings saved.");
        return Redirects.to(Routes.team(teamId), headers).build();
    }

    @POST
    @Path(TeamRoutes.ROLE)
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
            return membersChanged(
                    teamId, member.user.displayName + " is now " + member.role.withArticle() + ".", headers);
        } catch (InvalidInputException e) {
            return refusedMembers(team, e.errors(), Typed.NOTHING, headers);
        }
    }

    @POST
    @Path(TeamRoutes.CAP)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setCap(
            UUID teamId,
            UUID userId,
            @RestForm String cap,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.MANAGE_SETTINGS);
        CapForm form = new CapForm(cap);
        Typed typed = new Typed(null, userId, cap, "");
        try {
            FormErrors.of(validator.validate(form)).throwIfAny();
            WorkspaceMember member = teams.setLlmCap(team, userId, form.value(), ip(request));
            return membersChanged(
                    teamId,
                    member.user.displayName
                            + (member.llmDailyCap == null
                                    ? " shares the team's LLM requests."
                                    : " may send " + member.llmDailyCap + " LLM requests a day."),
                    headers);
        } catch (InvalidInputException e) {
            return refusedMembers(team, e.errors(), typed, headers);
        }
    }

    @POST
    @Path(TeamRoutes.REMOVE)
    public Response remove(UUID teamId, UUID userId, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.MANAGE_MEMBERS);
        WorkspaceMember member = teams.remove(team, userId, ip(request));
        return membersChanged(teamId, member.user.displayName + " was removed from the team.", headers);
    }

    /** Hands the team over; the viewer's own role changes with it, so htmx reloads the whole page. */
    @POST
    @Path(TeamRoutes.TRANSFER)
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
            return refusedMembers(team, e.errors(), Typed.NOTHING, headers);
        }
        flash.success("Ownership handed over. You are an admin of the team now.");
        return Redirects.to(Routes.team(teamId), headers).build();
    }

    @POST
    @Path(TeamRoutes.LEAVE)
    public Response leave(UUID teamId, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.VIEW);
        teams.leave(team, ip(request));
        flash.success("You left \u201c" + team.workspace().name + "\u201d.");
        return Redirects.to(Routes.TEAMS, headers).build();
    }

    @POST
    @Path(TeamRoutes.DELETE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(
            UUID teamId, @RestForm String confirm, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        Team team = open(teamId, WorkspaceAction.DELETE_TEAM);
        try {
            teams.delete(team, confirm, ip(request));
        } catch (InvalidInputException e) {
            Typed typed = new Typed(null, null, null, confirm == null ? "" : confirm);
            return refused(view(team, null, e.errors(), typed), headers, Templates::team$deletion, "#team-delete");
        }
        flash.success("The team \u201c" + team.workspace().name + "\u201d was deleted.");
        return Redirects.to(Routes.TEAMS, headers).build();
    }

    private Team open(UUID teamId, WorkspaceAction action) {
        return access.require(currentUser.require(), teamId, action);
    }

    /**
     * A change to one member: htmx gets the news and the event the members card re-fetches itself on; a plain form
     * goes back to the page with the news.
     */
    private Response membersChanged(UUID teamId, String message, HttpHeaders headers) {
        if (Htmx.isHtmx(headers)) {
            return Response.ok(Templates.team$notice(message))
                    .header(Htmx.TRIGGER, MEMBERS_CHANGED)
                    .build();
        }
        flash.success(message);
        return Redirects.to(Routes.team(teamId), headers).build();
    }

    private Response refusedMembers(Team team, FormErrors errors, Typed typed, HttpHeaders headers) {
        return refused(view(team, null, errors, typed), headers, Templates::team$members, "#team-members");
    }

    /** A refused form: htmx gets that form's card again (422), a plain form the whole page with it. */
    private static Response refused(
            TeamView view, HttpHeaders headers, Function<TeamView, TemplateInstance> card, String cardId) {
        if (Htmx.isHtmx(headers)) {
            return Htmx.refused(card.apply(view), cardId);
        }
        return Response.status(422).entity(Templates.team(view)).build();
    }

    private TeamView view(Team team, TeamForm form, FormErrors errors, Typed typed) {
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
        TeamForm shown = Objects.requireNonNullElseGet(
                form, () -> new TeamForm(workspace.name, workspace.description == null ? "" : workspace.description));
        boolean current = workspace.id.equals(currentUser.require().workspaceId());
        return new TeamView(
                team, entitlements.plan(workspace.plan), seats.of(workspace), rows, current, shown, errors, typed);
    }

    private static String ip(HttpServerRequest request) {
        return ClientInfo.of(request).ipAddress();
    }
}
