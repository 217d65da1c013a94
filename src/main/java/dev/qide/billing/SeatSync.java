package dev.qide.billing;

import dev.qide.audit.AuditLog;
import dev.qide.team.TeamMembersChanged;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps the quantity of per-seat subscriptions equal to the team's seats ({@link SeatQuantity}): after every
 * committed member change, and on a schedule for whatever a failed call to Stripe left behind. The member change
 * never waits on Stripe's answer to stand: it is committed before Stripe is asked.
 */
@ApplicationScoped
public class SeatSync {

    /** Room for the Stripe call with its retries, which runs while the account row is held. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 120;

    private final BillingPlans plans;
    private final SeatQuantity seats;
    private final StripeGateway stripe;
    private final AuditLog audit;
    private final Clock clock;

    SeatSync(BillingPlans plans, SeatQuantity seats, StripeGateway stripe, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.seats = seats;
        this.stripe = stripe;
        this.audit = audit;
        this.clock = clock;
    }

    void onMembersChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TeamMembersChanged change) {
        try {
            sync(change.workspaceId());
        } catch (RuntimeException e) {
            Log.warnf(
                    "Seats of workspace %s were not changed in Stripe (%s); the seat reconcile job will retry",
                    change.workspaceId(), e.getMessage());
        }
    }

    @Scheduled(
            every = "${qide.billing.seat-sync-interval:15m}",
            delayed = "3m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (plans.configured()) {
            reconcile();
        }
    }

    /** Brings every live per-seat subscription whose seats differ back in step; answers how many it changed. */
    public int reconcile() {
        List<UUID> behind = QuarkusTransaction.requiringNew().call(() -> BillingAccount.liveSubscriptions().stream()
                .filter(account -> perSeat(account)
                        && !Objects.equals(account.seats, seats.of(account.workspaceId, account.subscribedPlan)))
                .map(account -> account.workspaceId)
                .toList());
        int changed = 0;
        for (UUID workspaceId : behind) {
            try {
                if (sync(workspaceId)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                Log.warnf("Seats of workspace %s are still out of step with Stripe (%s)", workspaceId, e.getMessage());
            }
        }
        if (changed > 0) {
            Log.infof("Brought the seats of %d subscriptions back in step with their teams", changed);
        }
        return changed;
    }

    /**
     * Sets the workspace's subscription to the seats it needs now, if that differs from what it has; answers whether
     * it changed anything. Throws {@link StripeUnavailableException} when Stripe fails, having changed nothing here.
     */
    public boolean sync(UUID workspaceId) {
        if (!plans.configured()) {
            return false;
        }
        // The account row stays locked through the Stripe call, so two syncs of one team run one after the other and
        // the later one sends the later member count.
        return QuarkusTransaction.requiringNew()
                .timeout(TRANSACTION_TIMEOUT_SECONDS)
                .call(() -> {
                    BillingAccount account = BillingAccount.findById(workspaceId, LockModeType.PESSIMISTIC_WRITE);
                    if (account == null || !account.live() || !perSeat(account)) {
                        return false;
                    }
                    long wanted = seats.of(workspaceId, account.subscribedPlan);
                    if (account.seats != null && account.seats == wanted) {
                        return false;
                    }
                    long held = stripe.updateSeats(account.subscriptionId, wanted);
                    String before = account.seats == null ? "none" : account.seats.toString();
                    account.seats = held;
                    account.updatedAt = clock.instant();
                    audit.recordBySystem(
                            workspaceId,
                            AuditLog.BILLING_ACTOR,
                            "billing.seats_changed",
                            "subscription " + account.subscriptionId,
                            before + " -> " + held);
                    return true;
                });
    }

    private boolean perSeat(BillingAccount account) {
        return account.subscriptionId != null
                && account.subscribedPlan != null
                && plans.perSeat(account.subscribedPlan);
    }
}
