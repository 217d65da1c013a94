package dev.qide.quota;

import dev.qide.plan.Limit;
import dev.qide.web.HttpProblem;
import dev.qide.web.ResetTimes;
import java.time.Duration;
import java.time.Instant;

/** A meter's limit is reached: 429 naming the meter, what was used of what limit, and when it resets. */
public class QuotaExceededException extends HttpProblem {

    private final transient MeterUsage usage;

    public QuotaExceededException(MeterUsage usage, Instant now) {
        super(
                429,
                usage.meter().label() + " limit reached: "
                        + Limit.of(usage.used()).display() + " of "
                        + usage.limit().display()
                        + " used " + usage.meter().period().phrase() + ". It resets at "
                        + ResetTimes.clock(now, usage.resetsAt()) + " (" + ResetTimes.in(now, usage.resetsAt())
                        + "). Upgrade your plan for more.",
                Math.max(1, Duration.between(now, usage.resetsAt()).toSeconds()));
        this.usage = usage;
    }

    public MeterUsage usage() {
        return usage;
    }
}
