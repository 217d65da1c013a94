package dev.qide.audit.view;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.team.TeamAccess;
import dev.qide.team.TeamAccess.Team;
import dev.qide.web.Htmx;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/** A team's audit log for its owners and admins: filter by actor, action and days, page back, export. */
@Path(AuditRoutes.LOG)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AuditLogResource {

    /** The element the filter form and the "Older" link replace. */
    static final String LOG_TARGET = "audit-log";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditLogView view);

        static native TemplateInstance audit$content(AuditLogView view);

        static native TemplateInstance audit$log(AuditLogView view);
    }

    private final CurrentUser currentUser;
    private final TeamAccess teams;
    private final AuditSearch search;

    AuditLogResource(CurrentUser currentUser, TeamAccess teams, AuditSearch search) {
        this.currentUser = currentUser;
        this.teams = teams;
        this.search = search;
    }

    @GET
    public Response page(
            UUID teamId,
            @RestQuery String actor,
            @RestQuery String action,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String before,
            @Context HttpHeaders headers) {
        Team team = teams.require(currentUser.require(), teamId, WorkspaceAction.VIEW_AUDIT);
        AuditLogView view = search.page(team, AuditFilter.parse(actor, action, from, to), before);
        TemplateInstance page;
        if (LOG_TARGET.equals(headers.getHeaderString("HX-Target")) && view.available()) {
            page = Templates.audit$log(view);
        } else {
            page = Htmx.wantsFragment(headers) ? Templates.audit$content(view) : Templates.audit(view);
        }
        boolean rejected = view.available() && !view.filter().valid();
        return Response.status(rejected ? 422 : 200).entity(page).build();
    }
}
