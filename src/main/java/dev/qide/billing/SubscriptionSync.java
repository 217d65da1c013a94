package dev.qide.billing;

import dev.qide.billing.StripeGateway.SubscriptionState;
import dev.qide.plan.PlanId;
import dev.qide.workspace.PlanChanges;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes a workspace's plan follow its subscription as Stripe holds it now: active or trialing keeps the plan, past
 * due keeps it for the grace period, unpaid keeps it to the period's end, anything else is Free. Applying the same
 * state twice changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubscriptionSync {

    private final BillingPlans plans;
    private final BillingConfig config;
    private final PlanChanges planChanges;
    private final BillingMailer mailer;
    private final Clock clock;

    SubscriptionSync(
            BillingPlans plans, BillingConfig config, PlanChanges planChanges, BillingMailer mailer, Clock clock) {
        this.plans = plans;
        this.config = config;
        this.planChanges = planChanges;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Applies {@code subscription} to the account's workspace, unless it is an older, ended one. */
    public void apply(BillingAccount account, SubscriptionState subscription) {
        boolean live = BillingAccount.LIVE_STATUSES.contains(subscription.status());
        if (account.subscriptionId != null && !account.subscriptionId.equals(subscription.id()) && !live) {
            Log.infof(
                    "Ignoring ended subscription %s of workspace %s: %s is current",
                    subscription.id(), account.workspaceId, account.subscriptionId);
            return;
        }
        Instant now = clock.instant();
        Optional<PlanId> plan = subscription.priceIds().stream()
                .map(plans::planOf)
                .flatMap(Optional::stream)
                .findFirst();
        account.subscriptionId = subscription.id();
        account.subscriptionStatus = subscription.status();
        account.subscribedPlan = plan.orElse(null);
        account.seats = subscription.quantity();
        account.currentPeriodEnd = subscription.currentPeriodEnd();
        account.cancelAtPeriodEnd = subscription.cancelAtPeriodEnd();
        account.trialEndsAt = "trialing".equals(subscription.status()) ? subscription.trialEnd() : null;
        if (subscription.trialStart() != null) {
            account.trialUsed = true;
        }
        switch (subscription.status()) {
            case "active", "trialing" -> {
                account.graceEndsAt = null;
                account.accessUntil = null;
            }
            case "past_due" -> startGrace(account, now);
            case "unpaid" -> {
                account.graceEndsAt = null;
                account.accessUntil = subscription.currentPeriodEnd() == null ? now : subscription.currentPeriodEnd();
            }
            default -> {
                account.graceEndsAt = null;
                account.accessUntil = now;
            }
        }
        account.updatedAt = now;
        enforce(account, plan.orElse(PlanId.FREE), now);
    }

    /**
     * A payment failed: the plan stays for the grace period (started once per failure spell) and the owner is told.
     */
    public void startGrace(BillingAccount account, Instant now) {
        if (account.graceEndsAt == null) {
            account.graceEndsAt = now.plus(config.gracePeriod());
            mailer.paymentFailed(account.workspaceId, account.graceEndsAt);
        }
        account.accessUntil = account.graceEndsAt;
        account.updatedAt = now;
    }

    /** Puts the workspace on the plan its account entitles it to at {@code now}. */
    public void enforce(BillingAccount account, PlanId paidPlan, Instant now) {
        boolean ended = account.accessUntil != null && !account.accessUntil.isAfter(now);
        if (ended) {
            planChanges.bySubscription(account.workspaceId, PlanId.FREE, endedReason(account));
            account.accessUntil = null; // done: a plan set later by an admin is left alone
            account.updatedAt = now;
        } else {
            planChanges.bySubscription(
                    account.workspaceId, paidPlan, "Stripe subscription " + account.subscriptionStatus);
        }
    }

    private static String endedReason(BillingAccount account) {
        if (account.pastDue()) {
            return "payment failed; grace period over";
        }
        return "Stripe subscription " + account.subscriptionStatus;
    }
}
