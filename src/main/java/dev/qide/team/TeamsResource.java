package dev.qide.team;

import dev.qide.account.session.SessionService;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.Entitlements;
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
import org.jboss.resteasy.reactive.RestForm;

/** The teams a person belongs to, and making a new one (a refused form answers htmx with the form's card). */
@Path(Routes.TEAMS)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TeamsResource {

    /** One of the person's teams, as the list shows it. */
    public record TeamRow(WorkspaceMember membership, String planName, long members, boolean current) {

        public TeamRoutes.Paths paths() {
            return TeamRoutes.of(membership.workspace.id);
        }
    }

    /** The list and the new-team form with its messages. */
    public record TeamsView(SignedInUser user, List<TeamRow> teams, TeamForm form, FormErrors errors) {

        /** Where the new-team form goes. */
        public String createPath() {
            return Routes.TEAMS;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance teams(TeamsView view);

        static native TemplateInstance teams$content(TeamsView view);

        static native TemplateInstance teams$newTeam(TeamsView view);
    }

    private final CurrentUser currentUser;
    private final TeamService teams;
    private final SessionService sessions;
    private final Entitlements entitlements;
    private final Flash flash;

    TeamsResource(
            CurrentUser currentUser,
            TeamService teams,
            SessionService sessions,
            Entitlements entitlements,
            Flash flash) {
        this.currentUser = currentUser;
        this.teams = teams;
        this.sessions = sessions;
        this.entitlements = entitlements;
        this.flash = flash;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        TeamsView view = view(new TeamForm("", ""), FormErrors.none());
        return Htmx.wantsFragment(headers) ? Templates.teams$content(view) : Templates.teams(view);
    }

    /** Creates a team and starts working in it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @RestForm String name,
            @RestForm String description,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        TeamForm form = new TeamForm(name, description);
        Workspace team;
        try {
            team = teams.create(user, form, ClientInfo.of(request).ipAddress());
        } catch (InvalidInputException e) {
            TeamsView view = view(form, e.errors());
            return Htmx.isHtmx(headers)
                    ? Htmx.refused(Templates.teams$newTeam(view), "#new")
                    : Response.status(422).entity(Templates.teams(view)).build();
        }
        sessions.switchWorkspace(user.sessionId(), user.userId(), team.id);
        flash.success("Team \u201c" + team.name + "\u201d created. You are working in it now.");
        return Redirects.to(Routes.team(team.id), headers).build();
    }

    private TeamsView view(TeamForm form, FormErrors errors) {
        SignedInUser user = currentUser.require();
        List<TeamRow> rows = WorkspaceMember.membershipsOf(user.userId()).stream()
                .filter(membership -> membership.workspace.isTeam())
                .map(membership -> new TeamRow(
                        membership,
                        entitlements.plan(membership.workspace.plan).name(),
                        WorkspaceMember.countIn(membership.workspace.id),
                        membership.workspace.id.equals(user.workspaceId())))
                .toList();
        return new TeamsView(user, rows, form, errors);
    }
}
