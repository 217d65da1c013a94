package dev.qide.web;

import dev.qide.account.CurrentUser;
import dev.qide.account.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Plan;
import dev.qide.project.Project;
import dev.qide.project.ProjectService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Where people land after signing in: a welcome, recent projects, their plan, and what to do next. */
@Path(Routes.DASHBOARD)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(SignedInUser user, Plan plan, List<Project> recent);

        static native TemplateInstance dashboard$content(SignedInUser user, Plan plan, List<Project> recent);
    }

    private final CurrentUser currentUser;
    private final Entitlements entitlements;
    private final ProjectService projects;

    DashboardResource(CurrentUser currentUser, Entitlements entitlements, ProjectService projects) {
        this.currentUser = currentUser;
        this.entitlements = entitlements;
        this.projects = projects;
    }

    @GET
    public TemplateInstance dashboard(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Plan plan = entitlements.plan(user.plan());
        List<Project> recent = projects.recent(user, 6);
        return Htmx.wantsFragment(headers)
                ? Templates.dashboard$content(user, plan, recent)
                : Templates.dashboard(user, plan, recent);
    }
}
