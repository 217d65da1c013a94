package dev.qide.quota;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Starts each new quota period: at 00:00 UTC, and at start-up for any day the server was down. A roll-over is keyed
 * on its day and recorded once (a second run, or another replica, finds it done); it prunes ledger rows past their
 * keeping time and logs the new period.
 * Enforcement never waits for it: counting always uses the period of "now", so a missed midnight cannot leave
 * anyone stuck over yesterday's count.
 */
@ApplicationScoped
public class QuotaRollover {

    /** How long daily and monthly counters are kept (for the usage charts and member reports). */
    static final int KEEP_DAYS = 400;

    /** How many missed days a catch-up looks back. */
    static final int CATCH_UP_DAYS = 31;

    private final EntityManager entityManager;
    private final Clock clock;

    QuotaRollover(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 0 * * ?", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void atMidnight() {
        catchUp();
    }

    void atStart(@Observes StartupEvent start) {
        catchUp();
    }

    /** Rolls over every day up to today that has not been rolled over yet; answers how many it did. */
    public int catchUp() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int done = 0;
        for (LocalDate day = today.minusDays(CATCH_UP_DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            if (rollOver(day)) {
                done++;
            }
        }
        return done;
    }

    /** Rolls over into {@code day} unless that was done already; answers whether this call did it. */
    boolean rollOver(LocalDate day) {
        try {
            return claimAndPrune(day);
        } catch (RuntimeException raced) {
            if (isDone(day)) {
                return false; // another replica claimed the day at the same moment
            }
            throw raced;
        }
    }

    boolean isDone(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("SELECT period_start FROM quota_rollover WHERE period_start = ?1")
                .setParameter(1, day)
                .getResultList()
                .isEmpty());
    }

    private boolean claimAndPrune(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = entityManager
                    .createNativeQuery("INSERT INTO quota_rollover (period_start, completed_at)"
                            + " SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM quota_rollover WHERE period_start = ?1)")
                    .setParameter(1, day)
                    .setParameter(2, clock.instant())
                    .executeUpdate();
            if (claimed == 0) {
                return false;
            }
            LocalDate cutoff = day.minusDays(KEEP_DAYS);
            long pruned = UsageCounter.deleteBefore(cutoff) + MemberUsageCounter.deleteBefore(cutoff);
            Log.infof("Quota period %s started%s", day, pruned > 0 ? "; pruned " + pruned + " old counters" : "");
            return true;
        });
    }
}
