package dev.qide.web;

import dev.qide.account.CurrentUser;
import dev.qide.account.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Plan;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Where people land after signing in: a welcome, their workspace and plan, and what to do next. */
@Path(Routes.DASHBOARD)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(SignedInUser user, Plan plan);

        static native TemplateInstance dashboard$content(SignedInUser user, Plan plan);
    }

    private final CurrentUser currentUser;
    private final Entitlements entitlements;

    DashboardResource(CurrentUser currentUser, Entitlements entitlements) {
        this.currentUser = currentUser;
        this.entitlements = entitlements;
    }

    @GET
    public TemplateInstance dashboard(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Plan plan = entitlements.plan(user.plan());
        return Htmx.wantsFragment(headers) ? Templates.dashboard$content(user, plan) : Templates.dashboard(user, plan);
    }
}
