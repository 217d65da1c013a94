package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Run records are kept as long as the workspace's plan says (Free 7 days, Pro 30), then purged. */
@QuarkusTest
@ClockSensitive
class RunRetentionTest {

    @Inject
    RunRetention retention;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void recordsPastTheirPlansRetentionArePurgedAndOthersKept() {
        UUID free = Browser.signedUp("Free Records").workspaceId();
        UUID pro = Browser.signedUp("Pro Records").workspaceId();
        Workspaces.setPlan(pro, PlanId.PRO);
        Instant now = clock.instant();
        UUID freeOld = record(free, now.minus(Duration.ofDays(8)));
        UUID freeRecent = record(free, now.minus(Duration.ofDays(6)));
        UUID proOld = record(pro, now.minus(Duration.ofDays(8)));
        UUID proAncient = record(pro, now.minus(Duration.ofDays(31)));

        retention.purgeExpiredRuns();
        retention.purgeExpiredRuns();

        assertThat(exists(freeOld)).isFalse();
        assertThat(exists(freeRecent)).isTrue();
        assertThat(exists(proOld)).isTrue();
        assertThat(exists(proAncient)).isFalse();
    }

    private static UUID record(UUID workspaceId, Instant ended) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CodeRun run = CodeRun.start(workspaceId, null, null, "main.py", RunLanguage.PYTHON, ended);
            run.end(
                    new RunResult(RunOutcome.COMPLETED, 0, "Exited with code 0.", Duration.ofMillis(5), "hi\n", false),
                    ended);
            run.persist();
            return run.id;
        });
    }

    private static boolean exists(UUID runId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CodeRun.findByIdOptional(runId).isPresent());
    }
}
