package dev.qide.run;

import dev.qide.plan.Limit;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanCatalog;
import dev.qide.plan.Quantity;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes run records older than the log retention of their workspace's plan (7 days on Free, forever on
 * Enterprise). Safe to run late, twice, or on several replicas: it only deletes what is past the cutoff.
 */
@ApplicationScoped
public class RunRetention {

    private final PlanCatalog plans;
    private final Clock clock;

    RunRetention(PlanCatalog plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Scheduled(every = "6h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeExpiredRuns();
    }

    /** Deletes the expired records now; answers how many. */
    @Transactional
    public long purgeExpiredRuns() {
        Instant now = clock.instant();
        long purged = 0;
        for (Plan plan : plans.all()) {
            Limit days = plan.limit(Quantity.LOG_RETENTION_DAYS);
            if (days.unlimited()) {
                continue;
            }
            purged += CodeRun.delete(
                    "endedAt < ?1 and workspaceId in (select w.id from Workspace w where w.plan = ?2)",
                    now.minus(Duration.ofDays(days.amount())),
                    plan.id());
        }
        if (purged > 0) {
            Log.infof("Purged %d run record(s) past their plan's log retention", purged);
        }
        return purged;
    }
}
