package dev.qide.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import dev.qide.workspace.Workspace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counting that never overshoots, periods that always start fresh, and the roll-over job (H2 and PostgreSQL). */
@QuarkusTest
@ClockSensitive
class QuotaServiceTest {

    @Inject
    QuotaService quotas;

    @Inject
    QuotaRollover rollover;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoHundredSimultaneousCallsWithTwentyLeftLetExactlyTwentyThrough() throws Exception {
        Browser person = Browser.signedUp("Busy Caller");
        UUID workspace = person.workspaceId(); // Free: 20 API calls a day
        UUID userId = UUID.fromString(
                person.api().get("/api/auth/me").then().extract().path("user.id"));
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Callable<String> call = () -> {
                start.await();
                try {
                    quotas.consume(workspace, userId, Meter.API_CALLS, 1);
                    return "ok";
                } catch (QuotaExceededException e) {
                    return e.detail();
                }
            };
            outcomes.add(pool.submit(call));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(results).filteredOn("ok"::equals).hasSize(20);
        assertThat(results)
                .filteredOn(result -> !result.equals("ok"))
                .hasSize(180)
                .allSatisfy(refusal -> assertThat(refusal).startsWith("API calls limit reached: 20 of 20 used today."));
        assertThat(report(workspace, Meter.API_CALLS).used()).isEqualTo(20);
        LocalDate today = TestClock.today();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> MemberUsageCounter.usedBy(workspace, userId, Meter.API_CALLS, today)))
                .isEqualTo(20);
    }

    @Test
    void theRefusalNamesTheMeterTheCountAndWhenItResets() {
        UUID workspace = Browser.signedUp("Limit Reader").workspaceId();
        clock.set(at(TestClock.today(), "20:46:30"));
        quotas.consume(workspace, null, Meter.LLM_REQUESTS, 2); // Free: 2 a day
        assertThatThrownBy(() -> quotas.consume(workspace, null, Meter.LLM_REQUESTS, 1))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.detail())
                            .isEqualTo("LLM requests limit reached: 2 of 2 used today. It resets at 00:00 UTC"
                                    + " (in 3 h 13 min). Upgrade your plan for more.");
                    assertThat(e.retryAfterSeconds()).isBetween(11_600L, 11_610L);
                });
    }

    @Test
    void crossingMidnightGivesAFreshCountWhetherOrNotTheJobRan() {
        UUID workspace = Browser.signedUp("Night Owl").workspaceId();
        // Days well past the ones start-up caught up (the clock's last CATCH_UP_DAYS), so no roll-over has run yet.
        LocalDate evening = TestClock.today().plusDays(2L * QuotaRollover.CATCH_UP_DAYS);
        LocalDate nextDay = evening.plusDays(1);
        clock.set(at(evening, "23:58:00"));
        quotas.consume(workspace, null, Meter.LLM_REQUESTS, 2);
        assertThatThrownBy(() -> quotas.consume(workspace, null, Meter.LLM_REQUESTS, 1))
                .isInstanceOf(QuotaExceededException.class);

        // The server was down at midnight: the job never ran, yet the new day counts from zero.
        clock.set(at(nextDay, "00:00:01"));
        quotas.consume(workspace, null, Meter.LLM_REQUESTS, 1);
        assertThat(report(workspace, Meter.LLM_REQUESTS).used()).isEqualTo(1);

        // The job catches up at start, once per day whatever the number of runs.
        assertThat(rollover.isDone(nextDay)).isFalse();
        assertThat(rollover.catchUp()).isPositive();
        assertThat(rollover.catchUp()).isZero();
        assertThat(rollover.isDone(nextDay)).isTrue();

        // And with the job run on time at the next midnight, the count is fresh too.
        quotas.consume(workspace, null, Meter.LLM_REQUESTS, 1);
        clock.set(at(nextDay.plusDays(1), "00:00:00"));
        rollover.catchUp();
        MeterUsage fresh = report(workspace, Meter.LLM_REQUESTS);
        assertThat(fresh.used()).isZero();
        assertThat(fresh.resetsAt()).isEqualTo(at(nextDay.plusDays(2), "00:00:00"));
        quotas.consume(workspace, null, Meter.LLM_REQUESTS, 2);
    }

    @Test
    void monthlyMetersResetOnTheWorkspacesAnchorDay() {
        UUID workspace = Browser.signedUp("Monthly Person").workspaceId();
        Workspaces.setPlan(workspace, PlanId.ENTERPRISE); // 1000 platform tokens a month in tests
        QuarkusTransaction.requiringNew().run(() -> Workspace.update("periodAnchorDay = 15 where id = ?1", workspace));
        LocalDate anchor = TestClock.today().plusMonths(2).withDayOfMonth(15);
        clock.set(at(anchor.minusDays(1), "23:00:00"));
        quotas.consume(workspace, null, Meter.PLATFORM_TOKENS, 1000);
        assertThatThrownBy(() -> quotas.consume(workspace, null, Meter.PLATFORM_TOKENS, 1))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.detail())
                        .startsWith("Platform-managed tokens limit reached: 1,000 of 1,000 used this month."));
        assertThat(report(workspace, Meter.PLATFORM_TOKENS).resetsAt()).isEqualTo(at(anchor, "00:00:00"));

        clock.set(at(anchor, "00:00:00"));
        quotas.consume(workspace, null, Meter.PLATFORM_TOKENS, 600);
        MeterUsage usage = report(workspace, Meter.PLATFORM_TOKENS);
        assertThat(usage.used()).isEqualTo(600);
        assertThat(usage.resetsAt()).isEqualTo(at(anchor.plusMonths(1), "00:00:00"));
    }

    @Test
    void unlimitedMetersCountButNeverRefuse() {
        UUID workspace = Browser.signedUp("Big Spender").workspaceId();
        Workspaces.setPlan(workspace, PlanId.ENTERPRISE);
        for (int i = 0; i < 50; i++) {
            quotas.consume(workspace, null, Meter.API_CALLS, 1);
        }
        assertThat(report(workspace, Meter.API_CALLS).used()).isEqualTo(50);
        assertThat(report(workspace, Meter.API_CALLS).limit().unlimited()).isTrue();
    }

    private MeterUsage report(UUID workspace, Meter meter) {
        return quotas.report(workspace).meters().stream()
                .filter(usage -> usage.meter() == meter)
                .findFirst()
                .orElseThrow();
    }

    private static Instant at(LocalDate day, String utcTime) {
        return day.atTime(LocalTime.parse(utcTime)).toInstant(ZoneOffset.UTC);
    }
}
