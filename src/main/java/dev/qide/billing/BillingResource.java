package dev.qide.billing;

import dev.qide.billing.BillingService.Summary;
import dev.qide.billing.StripeGateway.InvoiceSummary;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanCatalog;
import dev.qide.plan.PlanId;
import dev.qide.quota.QuotaService.StandingUsage;
import dev.qide.quota.QuotaService.UsageReport;
import dev.qide.web.EnumNames;
import dev.qide.web.Flash;
import dev.qide.web.Htmx;
import dev.qide.web.HttpProblem;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The billing page: plan, subscription status, usage, plans to buy, invoices; and its two actions, which send the
 * owner to Stripe Checkout or the Billing Portal (a 303 for forms, {@code HX-Redirect} for htmx).
 */
@Path(Routes.BILLING)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class BillingResource {

    /** A plan card: what it is, and what the owner may do about it. */
    public record PlanCard(Plan plan, boolean current, boolean subscribed, boolean forSale) {}

    /** Everything the page shows. */
    public record BillingPage(
            SignedInUser user,
            boolean configured,
            Summary summary,
            UsageReport usage,
            List<StandingUsage> overLimit,
            List<PlanCard> cards,
            List<InvoiceSummary> invoices,
            String invoicesProblem,
            String checkout) {

        public boolean owner() {
            return user.may(WorkspaceAction.MANAGE_BILLING);
        }

        public boolean seesInvoices() {
            return user.may(WorkspaceAction.VIEW_INVOICES);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance billing(BillingPage view);

        static native TemplateInstance billing$content(BillingPage view);
    }

    private final CurrentUser currentUser;
    private final BillingService billing;
    private final CheckoutService checkout;
    private final BillingPlans plans;
    private final PlanCatalog catalog;
    private final Flash flash;

    BillingResource(
            CurrentUser currentUser,
            BillingService billing,
            CheckoutService checkout,
            BillingPlans plans,
            PlanCatalog catalog,
            Flash flash) {
        this.currentUser = currentUser;
        this.billing = billing;
        this.checkout = checkout;
        this.plans = plans;
        this.catalog = catalog;
        this.flash = flash;
    }

    @GET
    public TemplateInstance page(@QueryParam("checkout") String checkoutResult, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Summary summary = billing.summary(user.workspaceId());
        UsageReport usage = billing.usage(user.workspaceId());
        List<InvoiceSummary> invoices = List.of();
        String invoicesProblem = null;
        if (plans.configured() && summary.hasCustomer() && user.may(WorkspaceAction.VIEW_INVOICES)) {
            try {
                invoices = billing.invoices(user.workspaceId());
            } catch (StripeUnavailableException e) {
                invoicesProblem = "Invoices could not be loaded from Stripe just now.";
            }
        }
        BillingPage view = new BillingPage(
                user,
                plans.configured(),
                summary,
                usage,
                billing.overLimit(usage),
                cards(summary),
                invoices,
                invoicesProblem,
                "success".equals(checkoutResult) || "cancelled".equals(checkoutResult) ? checkoutResult : null);
        return Htmx.wantsFragment(headers) ? Templates.billing$content(view) : Templates.billing(view);
    }

    /** Upgrade: to Stripe Checkout for the chosen plan. */
    @POST
    @Path("checkout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkout(@FormParam("plan") String plan, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        try {
            PlanId planId = EnumNames.parse(PlanId.class, plan)
                    .orElseThrow(() -> new HttpProblem(422, "Choose a plan to upgrade to."));
            return Redirects.to(checkout.checkout(user, planId).url(), headers).build();
        } catch (HttpProblem problem) {
            return backWith(problem, headers);
        }
    }

    /** Manage billing: to the Stripe Billing Portal, which returns here. */
    @POST
    @Path("portal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response portal(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        try {
            return Redirects.to(checkout.portal(user), headers).build();
        } catch (HttpProblem problem) {
            return backWith(problem, headers);
        }
    }

    private Response backWith(HttpProblem problem, HttpHeaders headers) {
        flash.warning(problem.detail());
        return Redirects.to(Routes.BILLING, headers).build();
    }

    private List<PlanCard> cards(Summary summary) {
        return catalog.all().stream()
                .filter(plan -> plan.id() != PlanId.FREE)
                .map(plan -> new PlanCard(
                        plan,
                        plan.id() == summary.plan().id(),
                        summary.subscribedPlan().map(plan.id()::equals).orElse(false) && !summary.canCheckout(),
                        plans.priceOf(plan.id()).isPresent()))
                .toList();
    }
}
