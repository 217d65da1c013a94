package dev.qide.quota;

import dev.qide.plan.Limit;
import java.time.Instant;

/** How much of a meter a workspace has used in the current period, against its plan's limit. */
public record MeterUsage(Meter meter, long used, Limit limit, Instant resetsAt) {

    /** Percentage of the limit used, 0–100 (0 when unlimited). */
    public int percent() {
        return percentOf(used, limit);
    }

    /** Percentage of {@code limit} that {@code used} is, 0–100 (0 when unlimited; 100 for any use of a zero limit). */
    static int percentOf(long used, Limit limit) {
        if (limit.unlimited() || limit.amount() == 0) {
            return limit.unlimited() || used == 0 ? 0 : 100;
        }
        return (int) Math.min(100, used * 100 / limit.amount());
    }

    public long remaining() {
        return limit.unlimited() ? Long.MAX_VALUE : Math.max(0, limit.amount() - used);
    }
}
