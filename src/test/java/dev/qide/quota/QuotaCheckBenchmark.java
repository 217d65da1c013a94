package dev.qide.quota;

import dev.qide.plan.PlanId;
import dev.qide.ratelimit.RateLimit;
import dev.qide.ratelimit.RateLimiter;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the quota check and the rate-limit check cost a request, together, under 64 concurrent callers: one
 * workspace's daily API-call counter (a single hot row, the worst case) and one rate-limit bucket per caller. Prints
 * p50/p99 in µs; asserts nothing about time. {@code ./mvnw verify -Pbench -Dtest=QuotaCheckBenchmark} (add the
 * PostgreSQL datasource flags of .ci/run to measure PostgreSQL).
 */
@QuarkusTest
@Tag("benchmark")
class QuotaCheckBenchmark {

    private static final int CALLERS = 64;
    private static final int WARM_UP_PER_CALLER = 50;
    private static final int MEASURED_PER_CALLER = 200;

    @Inject
    QuotaService quotas;

    @Inject
    RateLimiter rateLimiter;

    @Test
    void quotaAndRateLimitCheckPerRequest() throws Exception {
        UUID workspace = Browser.signedUp("Bench Caller").workspaceId();
        Workspaces.setPlan(workspace, PlanId.TEAMS); // 100,000 API calls a day: the limit is checked, never reached
        for (Part part : Part.values()) {
            measure(workspace, 1, part);
            measure(workspace, CALLERS, part);
        }
    }

    /** What one request pays for: both checks, and each alone. */
    enum Part {
        QUOTA_ONLY,
        RATE_LIMIT_ONLY,
        BOTH
    }

    private void measure(UUID workspace, int callerCount, Part part) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callerCount);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> callers = new ArrayList<>();
        for (int c = 0; c < callerCount; c++) {
            String key = "bench-key-" + c;
            callers.add(pool.submit(() -> {
                start.await();
                List<Long> nanos = new ArrayList<>(MEASURED_PER_CALLER);
                for (int i = 0; i < WARM_UP_PER_CALLER + MEASURED_PER_CALLER; i++) {
                    long begin = System.nanoTime();
                    if (part != Part.QUOTA_ONLY) {
                        rateLimiter.check(RateLimit.PLAN_API, key, 1_000_000);
                    }
                    if (part != Part.RATE_LIMIT_ONLY) {
                        quotas.consume(workspace, null, Meter.API_CALLS, 1);
                    }
                    long took = System.nanoTime() - begin;
                    if (i >= WARM_UP_PER_CALLER) {
                        nanos.add(took);
                    }
                }
                return nanos;
            }));
        }
        long wall = System.nanoTime();
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> caller : callers) {
            all.addAll(caller.get());
        }
        wall = System.nanoTime() - wall;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf(
                Locale.ROOT,
                "BENCH %-15s %2d callers, %5d checks: p50=%6d µs p90=%6d µs p99=%6d µs, %5.0f checks/s%n",
                part,
                callerCount,
                all.size(),
                all.get(all.size() / 2) / 1000,
                all.get(all.size() * 90 / 100) / 1000,
                all.get(all.size() * 99 / 100) / 1000,
                (callerCount * (WARM_UP_PER_CALLER + MEASURED_PER_CALLER)) / (wall / 1e9));
    }
}
