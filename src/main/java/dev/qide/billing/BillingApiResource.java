package dev.qide.billing;

import dev.qide.billing.BillingService.Summary;
import dev.qide.billing.StripeGateway.CheckoutSession;
import dev.qide.billing.StripeGateway.InvoiceSummary;
import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * Billing as JSON. Reading (subscription, invoices) needs {@code billing:read} with an API key; buying and the
 * portal only from a signed-in browser session, by the workspace's owner.
 */
@Path("/api/billing")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BillingApiResource {

    public record CheckoutView(String sessionId, String url) {}

    public record PortalView(String url) {}

    /** The plan in force and the subscription behind it; dates are null when they do not apply. */
    public record SubscriptionView(
            boolean billingConfigured,
            String plan,
            String status,
            String subscribedPlan,
            Instant renewsAt,
            Instant endsAt,
            Instant trialEndsAt,
            Instant graceEndsAt,
            Long seats) {}

    /** One invoice; {@code amount} in the currency's smallest unit (cents). */
    public record InvoiceView(
            String id,
            String number,
            Instant created,
            long amount,
            String currency,
            String status,
            String hostedInvoiceUrl,
            String invoicePdf) {}

    public record InvoiceList(List<InvoiceView> invoices) {}

    private final CurrentUser currentUser;
    private final BillingService billing;
    private final CheckoutService checkout;
    private final BillingPlans plans;

    BillingApiResource(CurrentUser currentUser, BillingService billing, CheckoutService checkout, BillingPlans plans) {
        this.currentUser = currentUser;
        this.billing = billing;
        this.checkout = checkout;
        this.plans = plans;
    }

    @POST
    @Path("create-checkout-session/{priceId}")
    public CheckoutView createCheckoutSession(String priceId) {
        CheckoutSession session = checkout.checkoutPrice(currentUser.require(), priceId);
        return new CheckoutView(session.id(), session.url());
    }

    @GET
    @Path("portal")
    public PortalView portal() {
        return new PortalView(checkout.portal(currentUser.require()));
    }

    @GET
    @Path("subscription")
    @RequiresScope(ApiScope.BILLING_READ)
    public SubscriptionView subscription() {
        Summary summary = billing.summary(currentUser.require().workspaceId());
        return new SubscriptionView(
                plans.configured(),
                summary.plan().id().name(),
                summary.status().id(),
                summary.subscribedPlan().map(Enum::name).orElse(null),
                summary.renewsAt(),
                summary.endsAt(),
                summary.trialEndsAt(),
                summary.graceEndsAt(),
                summary.seats());
    }

    @GET
    @Path("invoices")
    @RequiresScope(ApiScope.BILLING_READ)
    public InvoiceList invoices() {
        SignedInUser user = currentUser.require();
        user.require(WorkspaceAction.VIEW_INVOICES);
        if (!plans.configured()) {
            throw new StripeUnavailableException("Billing is not configured on this server.");
        }
        List<InvoiceSummary> invoices = billing.invoices(user.workspaceId());
        return new InvoiceList(invoices.stream()
                .map(invoice -> new InvoiceView(
                        invoice.id(),
                        invoice.number(),
                        invoice.created(),
                        invoice.amount(),
                        invoice.currency(),
                        invoice.status(),
                        invoice.hostedUrl(),
                        invoice.pdfUrl()))
                .toList());
    }
}
