package dev.qide.run;

import dev.qide.plan.Quantity;
import dev.qide.quota.StandingMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The workspace's code runs still going, for the usage page. */
@ApplicationScoped
class RunsGoingNow implements StandingMeter {

    @Override
    public String id() {
        return "concurrent_runs";
    }

    @Override
    public String label() {
        return "Code runs going now";
    }

    @Override
    public Quantity quantity() {
        return Quantity.CONCURRENT_RUNS;
    }

    @Override
    public long count(UUID workspaceId, Instant now) {
        return CodeRun.countRunning(workspaceId);
    }
}
