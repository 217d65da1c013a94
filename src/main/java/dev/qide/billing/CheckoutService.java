package dev.qide.billing;

import dev.qide.QideConfig;
import dev.qide.billing.StripeGateway.CheckoutRequest;
import dev.qide.billing.StripeGateway.CheckoutSession;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.plan.PlanCatalog;
import dev.qide.plan.PlanId;
import dev.qide.web.HttpProblem;
import dev.qide.web.Routes;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Sends a workspace owner to Stripe: Checkout to buy a plan (reusing the workspace's Stripe customer, with a trial
 * once per workspace), or the Billing Portal to change or cancel it.
 */
@ApplicationScoped
@Transactional
public class CheckoutService {

    private final StripeGateway stripe;
    private final BillingPlans plans;
    private final BillingConfig config;
    private final PlanCatalog catalog;
    private final SeatQuantity seats;
    private final Clock clock;
    private final String billingUrl;

    CheckoutService(
            StripeGateway stripe,
            BillingPlans plans,
            BillingConfig config,
            PlanCatalog catalog,
            SeatQuantity seats,
            QideConfig qide,
            Clock clock) {
        this.stripe = stripe;
        this.plans = plans;
        this.config = config;
        this.catalog = catalog;
        this.seats = seats;
        this.clock = clock;
        this.billingUrl = qide.baseUrl().replaceAll("/+$", "") + Routes.BILLING;
    }

    /** A Checkout session selling {@code plan} to the owner's workspace. */
    public CheckoutSession checkout(SignedInUser owner, PlanId plan) {
        requireOwner(owner);
        String price = plans.priceOf(plan)
                .orElseThrow(
                        () -> new HttpProblem(404, "The " + catalog.plan(plan).name() + " plan is not for sale."));
        BillingAccount account = accountOf(owner);
        if (account.live() && account.subscribedPlan != null) {
            throw new HttpProblem(
                    409, "This workspace already has a subscription. Change or cancel it under Manage billing.");
        }
        return stripe.createCheckoutSession(new CheckoutRequest(
                account.stripeCustomerId,
                owner.workspaceId(),
                price,
                seats.of(owner.workspaceId(), plan),
                plans.overageOf(plan).map(BillingPlans.Overage::priceId),
                account.trialUsed ? 0 : config.trialDays(),
                billingUrl + "?checkout=success",
                billingUrl + "?checkout=cancelled"));
    }

    /** A Checkout session for a Stripe price id, which must sell one of the plans. */
    public CheckoutSession checkoutPrice(SignedInUser owner, String priceId) {
        requireOwner(owner);
        PlanId plan = plans.planOf(priceId).orElseThrow(() -> new HttpProblem(404, "No plan is sold at that price."));
        return checkout(owner, plan);
    }

    /** The URL of a Billing Portal session for the owner's workspace; the portal returns to the billing page. */
    public String portal(SignedInUser owner) {
        requireOwner(owner);
        BillingAccount account = BillingAccount.forWorkspace(owner.workspaceId())
                .orElseThrow(() -> new HttpProblem(
                        409, "There is no subscription to manage yet: choose a plan to upgrade first."));
        return stripe.createPortalSession(account.stripeCustomerId, billingUrl);
    }

    private void requireOwner(SignedInUser user) {
        user.require(WorkspaceAction.MANAGE_BILLING);
        if (!plans.configured()) {
            throw new StripeUnavailableException("Billing is not configured on this server.");
        }
    }

    /** The workspace's account, with a Stripe customer made for it the first time. */
    private BillingAccount accountOf(SignedInUser owner) {
        return BillingAccount.forWorkspace(owner.workspaceId()).orElseGet(() -> {
            Workspace workspace = Workspace.findById(owner.workspaceId());
            BillingAccount account = new BillingAccount();
            account.workspaceId = workspace.id;
            account.stripeCustomerId = stripe.createCustomer(workspace.id, workspace.name, owner.email());
            account.updatedAt = clock.instant();
            account.persist();
            return account;
        });
    }
}
