package dev.qide.quota;

import dev.qide.plan.Limit;
import dev.qide.web.HttpProblem;
import dev.qide.web.ResetTimes;
import java.time.Duration;
import java.time.Instant;

/**
 * A limit is reached: 429 saying whose limit (the member's share, or the workspace's pool), what was used of what,
 * and when it resets.
 */
public class QuotaExceededException extends HttpProblem {

    private final transient MeterUsage usage;
    private final QuotaScope scope;

    /** The workspace's limit of a personal workspace (or of a team, named by {@link #ofWorkspace}). */
    public QuotaExceededException(MeterUsage usage, Instant now) {
        this(usage, QuotaScope.WORKSPACE, workspaceDetail(usage, null, now), now);
    }

    private QuotaExceededException(MeterUsage usage, QuotaScope scope, String detail, Instant now) {
        super(429, detail, Math.max(1, Duration.between(now, usage.resetsAt()).toSeconds()));
        this.usage = usage;
        this.scope = scope;
    }

    /** The pool of the workspace ran out; {@code teamName} names a team's pool (null for a personal workspace). */
    static QuotaExceededException ofWorkspace(MeterUsage usage, String teamName, Instant now) {
        return new QuotaExceededException(usage, QuotaScope.WORKSPACE, workspaceDetail(usage, teamName, now), now);
    }

    /** The member's share of the team's pool ran out ({@code usage} is the member's count against their cap). */
    static QuotaExceededException ofMember(MeterUsage usage, String teamName, Instant now) {
        return new QuotaExceededException(
                usage,
                QuotaScope.MEMBER,
                "Your share of " + teamName + "'s " + usage.meter().label() + " is used up: "
                        + Limit.of(usage.used()).display() + " of "
                        + usage.limit().display() + " "
                        + usage.meter().period().phrase() + ", set by the team's admins. " + resets(usage, now),
                now);
    }

    public MeterUsage usage() {
        return usage;
    }

    /** Whose limit fired. */
    public QuotaScope quotaScope() {
        return scope;
    }

    @Override
    public String scope() {
        return scope.id();
    }

    private static String workspaceDetail(MeterUsage usage, String teamName, Instant now) {
        return (teamName == null ? "" : teamName + "'s ") + usage.meter().label() + " limit reached: "
                + Limit.of(usage.used()).display() + " of " + usage.limit().display() + " used "
                + usage.meter().period().phrase() + ". " + resets(usage, now)
                + (teamName == null
                        ? " Upgrade your plan for more."
                        : " The team's owner can upgrade its plan for more.");
    }

    private static String resets(MeterUsage usage, Instant now) {
        return "It resets at " + ResetTimes.clock(now, usage.resetsAt()) + " (" + ResetTimes.in(now, usage.resetsAt())
                + ").";
    }
}
