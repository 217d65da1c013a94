package dev.qide.billing;

import dev.qide.account.CurrentUser;
import dev.qide.account.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanComparison;
import dev.qide.web.Htmx;
import dev.qide.web.Routes;
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

/**
 * The workspace's plan and what it includes. Online payments are not part of this build: the page says so, and
 * platform admins set plans.
 */
@Path(Routes.BILLING)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class BillingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance billing(SignedInUser user, Plan plan, List<PlanComparison.Row> rows);

        static native TemplateInstance billing$content(SignedInUser user, Plan plan, List<PlanComparison.Row> rows);
    }

    private final CurrentUser currentUser;
    private final Entitlements entitlements;

    BillingResource(CurrentUser currentUser, Entitlements entitlements) {
        this.currentUser = currentUser;
        this.entitlements = entitlements;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Plan plan = entitlements.plan(user.plan());
        List<PlanComparison.Row> rows = PlanComparison.rows(List.of(plan));
        return Htmx.wantsFragment(headers)
                ? Templates.billing$content(user, plan, rows)
                : Templates.billing(user, plan, rows);
    }
}
