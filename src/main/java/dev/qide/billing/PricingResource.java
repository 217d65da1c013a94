package dev.qide.billing;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.llm.LlmCatalog;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanCatalog;
import dev.qide.plan.PlanComparison;
import dev.qide.plan.PlanId;
import dev.qide.web.Htmx;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The public pricing page: every plan side by side, straight from the catalog. */
@Path(Routes.PRICING)
@Produces(MediaType.TEXT_HTML)
public class PricingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pricing(
                List<Plan> plans, List<PlanComparison.Row> rows, PlanId current, String salesContact);

        static native TemplateInstance pricing$content(
                List<Plan> plans, List<PlanComparison.Row> rows, PlanId current, String salesContact);
    }

    private final PlanCatalog catalog;
    private final LlmCatalog providers;
    private final CurrentUser currentUser;
    private final String salesContact;

    PricingResource(PlanCatalog catalog, LlmCatalog providers, CurrentUser currentUser, SalesContact salesContact) {
        this.catalog = catalog;
        this.providers = providers;
        this.currentUser = currentUser;
        this.salesContact = salesContact.link();
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        List<Plan> plans = catalog.all();
        List<PlanComparison.Row> rows = PlanComparison.rows(plans, providers);
        PlanId current = currentUser.get().map(SignedInUser::plan).orElse(null);
        return Htmx.wantsFragment(headers)
                ? Templates.pricing$content(plans, rows, current, salesContact)
                : Templates.pricing(plans, rows, current, salesContact);
    }
}
