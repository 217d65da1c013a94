package dev.qide.billing;

import dev.qide.billing.StripeGateway.InvoiceSummary;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanCatalog;
import dev.qide.plan.PlanId;
import dev.qide.quota.QuotaService;
import dev.qide.quota.QuotaService.StandingUsage;
import dev.qide.quota.QuotaService.UsageReport;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What the billing page and API show about a workspace: plan, subscription status, usage, invoices. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BillingService {

    /** How a subscription stands, in the words the page uses. */
    public enum Status {
        NONE("No subscription"),
        TRIALING("Trialing"),
        ACTIVE("Active"),
        PAST_DUE("Past due"),
        CANCELLED("Cancelled"),
        INCOMPLETE("Awaiting payment");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The API's name: {@code past_due}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String stripeStatus) {
            if (stripeStatus == null) {
                return NONE;
            }
            return switch (stripeStatus) {
                case "trialing" -> TRIALING;
                case "active" -> ACTIVE;
                case "past_due" -> PAST_DUE;
                case "incomplete" -> INCOMPLETE;
                default -> CANCELLED;
            };
        }
    }

    /** The workspace's plan and subscription as of now. */
    public record Summary(
            Plan plan,
            Status status,
            Optional<PlanId> subscribedPlan,
            Instant renewsAt,
            Instant endsAt,
            Instant trialEndsAt,
            Instant graceEndsAt,
            Long seats,
            boolean hasCustomer) {

        /** Whether Checkout may sell this workspace a plan (it has no subscription that still counts). */
        public boolean canCheckout() {
            return status == Status.NONE || status == Status.CANCELLED || status == Status.INCOMPLETE;
        }
    }

    private final PlanCatalog catalog;
    private final QuotaService quotas;
    private final StripeGateway stripe;

    BillingService(PlanCatalog catalog, QuotaService quotas, StripeGateway stripe) {
        this.catalog = catalog;
        this.quotas = quotas;
        this.stripe = stripe;
    }

    public Summary summary(UUID workspaceId) {
        Workspace workspace = Workspace.findById(workspaceId);
        Plan plan = catalog.plan(workspace.plan);
        Optional<BillingAccount> account = BillingAccount.forWorkspace(workspaceId);
        if (account.isEmpty() || account.get().subscriptionId == null) {
            return new Summary(plan, Status.NONE, Optional.empty(), null, null, null, null, null, account.isPresent());
        }
        BillingAccount billing = account.get();
        Status status = Status.of(billing.subscriptionStatus);
        boolean inGrace = billing.pastDue() && billing.accessUntil != null;
        boolean ending = billing.cancelAtPeriodEnd || status == Status.CANCELLED || billing.accessUntil != null;
        Instant endsAt = billing.accessUntil != null ? billing.accessUntil : billing.currentPeriodEnd;
        return new Summary(
                plan,
                status,
                Optional.ofNullable(billing.subscribedPlan),
                ending ? null : billing.currentPeriodEnd,
                ending ? endsAt : null,
                billing.trialEndsAt,
                inGrace ? billing.graceEndsAt : null,
                billing.seats,
                true);
    }

    public UsageReport usage(UUID workspaceId) {
        return quotas.report(workspaceId);
    }

    /** Standing amounts above the plan's limit (kept, never deleted; adding more is refused until upgraded). */
    public List<StandingUsage> overLimit(UsageReport report) {
        return report.standing().stream()
                .filter(usage -> !usage.limit().unlimited()
                        && usage.used() > usage.limit().amount())
                .toList();
    }

    /** The workspace's invoices from Stripe, newest first; none before it has a Stripe customer. */
    public List<InvoiceSummary> invoices(UUID workspaceId) {
        return BillingAccount.forWorkspace(workspaceId)
                .map(account -> stripe.invoices(account.stripeCustomerId))
                .orElse(List.of());
    }
}
