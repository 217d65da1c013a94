package dev.qide.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TeamFixtures;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members' daily LLM caps: never passed under concurrency, and a refusal counts nothing anywhere (H2 and PostgreSQL). */
@QuarkusTest
@ClockSensitive
class MemberQuotaTest {

    @Inject
    QuotaService quotas;

    @Inject
    UsageLedger ledger;

    @Inject
    Clock clock;

    private UUID teamId;
    private UUID ownerId;
    private UUID memberId;
    private Browser member;

    @BeforeEach
    void setUp() {
        Browser owner = Browser.signedUp("Cap Owner");
        member = Browser.signedUp("Capped Member");
        teamId = TeamFixtures.createTeam(owner, "Capped Team");
        TeamFixtures.addMember(teamId, member, WorkspaceRole.EDITOR);
        ownerId = TeamFixtures.userId(owner);
        memberId = TeamFixtures.userId(member);
    }

    @Test
    void fortySimultaneousRequestsAgainstACapOfFiveLetExactlyFiveThroughAndCountNothingElse() throws Exception {
        TeamFixtures.setLlmCap(teamId, member, 5);

        List<String> results = concurrently(40, () -> quotas.consume(teamId, memberId, Meter.LLM_REQUESTS, 1));

        assertThat(results).filteredOn("ok"::equals).hasSize(5);
        assertThat(results)
                .filteredOn(result -> !result.equals("ok"))
                .hasSize(35)
                .allSatisfy(refusal -> assertThat(refusal)
                        .startsWith("member: Your share of Capped Team's LLM requests is used up: 5 of 5 today"));
        assertThat(memberUsed(memberId)).isEqualTo(5);
        assertThat(teamUsed()).isEqualTo(5);
        // The owner shares the pool and is not held back by the member's cap.
        quotas.consume(teamId, ownerId, Meter.LLM_REQUESTS, 1);
        assertThat(teamUsed()).isEqualTo(6);
        assertThat(quotas.memberShare(teamId, memberId, Meter.LLM_REQUESTS)).hasValueSatisfying(share -> {
            assertThat(share.used()).isEqualTo(5);
            assertThat(share.limit().amount()).isEqualTo(5);
        });
        assertThat(quotas.memberShare(teamId, ownerId, Meter.LLM_REQUESTS)).isEmpty();
    }

    @Test
    void whenTheTeamsPoolRunsOutTheRefusalNamesTheTeamAndCountsNothingForTheMember() throws Exception {
        TeamFixtures.setLlmCap(teamId, member, 50);
        quotas.consume(teamId, memberId, Meter.LLM_REQUESTS, 1);
        setTeamUsed(9_998);

        List<String> results = concurrently(10, () -> quotas.consume(teamId, memberId, Meter.LLM_REQUESTS, 1));

        assertThat(results).filteredOn("ok"::equals).hasSize(2);
        assertThat(results).filteredOn(result -> !result.equals("ok")).allSatisfy(refusal -> assertThat(refusal)
                .startsWith("workspace: Capped Team's LLM requests limit reached: 10,000 of 10,000 used today."));
        assertThat(teamUsed()).isEqualTo(10_000);
        assertThat(memberUsed(memberId)).isEqualTo(3);
    }

    @Test
    void capsApplyOnlyToLlmRequestsOnPlansWithMemberQuotas() {
        TeamFixtures.setLlmCap(teamId, member, 1);
        quotas.consume(teamId, memberId, Meter.API_CALLS, 1);
        quotas.consume(teamId, memberId, Meter.API_CALLS, 1);
        quotas.consume(teamId, memberId, Meter.LLM_REQUESTS, 1);
        assertThatThrownBy(() -> quotas.consume(teamId, memberId, Meter.LLM_REQUESTS, 1))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.quotaScope())
                        .isEqualTo(QuotaScope.MEMBER));

        Workspaces.setPlan(teamId, PlanId.PRO_PLUS);

        quotas.consume(teamId, memberId, Meter.LLM_REQUESTS, 1);
        assertThat(memberUsed(memberId)).isEqualTo(2);
        assertThat(quotas.memberShare(teamId, memberId, Meter.LLM_REQUESTS)).isEmpty();
    }

    /** Runs {@code count} calls at once; answers "ok" or "scope: detail" for each. */
    private static List<String> concurrently(int count, Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<String> attempt = () -> {
                start.await();
                try {
                    call.run();
                    return "ok";
                } catch (QuotaExceededException e) {
                    return e.scope() + ": " + e.detail();
                }
            };
            outcomes.add(pool.submit(attempt));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    private LocalDate today() {
        return QuotaPeriod.DAILY.startOf(clock.instant(), 1);
    }

    private long memberUsed(UUID userId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ledger.memberUsed(teamId, userId, Meter.LLM_REQUESTS, today())
                        .orElse(0));
    }

    private long teamUsed() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ledger.used(teamId, Meter.LLM_REQUESTS, today()).orElse(0));
    }

    private void setTeamUsed(long used) {
        QuarkusTransaction.requiringNew()
                .run(() -> UsageCounter.update(
                        "used = ?1 where workspaceId = ?2 and meter = ?3 and periodStart = ?4",
                        used,
                        teamId,
                        Meter.LLM_REQUESTS,
                        today()));
    }
}
