package dev.qide.billing;

import dev.qide.plan.PlanId;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Ends plans whose time is up: a past-due grace period that ran out, an unpaid subscription at its period's end.
 * The workspace moves to Free (audited) and keeps its data. Safe to run late, twice, or on several replicas: a
 * workspace already on Free is left alone.
 */
@ApplicationScoped
public class GracePeriodJob {

    private final SubscriptionSync sync;
    private final Clock clock;

    GracePeriodJob(SubscriptionSync sync, Clock clock) {
        this.sync = sync;
        this.clock = clock;
    }

    @Scheduled(
            every = "${qide.billing.entitlement-check-every:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /** Moves every workspace whose paid time ended to Free; answers how many accounts it looked at. */
    public int run() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            int checked = 0;
            for (BillingAccount account : BillingAccount.accessEndedBy(now)) {
                sync.enforce(account, account.subscribedPlan == null ? PlanId.FREE : account.subscribedPlan, now);
                checked++;
            }
            if (checked > 0) {
                Log.infof("Checked %d billing accounts whose paid time ended", checked);
            }
            return checked;
        });
    }
}
