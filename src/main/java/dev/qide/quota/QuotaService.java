package dev.qide.quota;

import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.plan.Limit;
import dev.qide.plan.Plan;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place that counts what workspaces consume and refuses what their plan does not allow. Counts live in the
 * database (never only in one process's memory) and are always read for the current period.
 */
@ApplicationScoped
public class QuotaService {

    private final UsageLedger ledger;
    private final Entitlements entitlements;
    private final Clock clock;
    private final Instance<StandingMeter> standingMeters;

    QuotaService(UsageLedger ledger, Entitlements entitlements, Clock clock, Instance<StandingMeter> standingMeters) {
        this.ledger = ledger;
        this.entitlements = entitlements;
        this.clock = clock;
        this.standingMeters = standingMeters;
    }

    /**
     * Counts {@code amount} of {@code meter} for the workspace (and for the member {@code userId}, when given), or
     * throws {@link QuotaExceededException} and counts nothing when that would pass the plan's limit, or the
     * member's share of it (their LLM cap, on plans with member quotas).
     */
    public void consume(UUID workspaceId, UUID userId, Meter meter, long amount) {
        Instant now = clock.instant();
        WorkspacePlan workspace = workspacePlan(workspaceId);
        Limit limit = workspace.plan().limit(meter.quantity());
        LocalDate period = meter.period().startOf(now, workspace.anchorDay());
        Instant resetsAt = meter.period().resetAfter(period, workspace.anchorDay());
        Optional<Long> cap = memberCap(workspace, userId, meter);
        Optional<QuotaScope> refused = ledger.add(
                workspaceId,
                userId,
                meter,
                period,
                amount,
                limit.unlimited() ? null : limit.amount(),
                cap.orElse(null));
        if (refused.isEmpty()) {
            return;
        }
        String teamName = workspace.team() ? workspace.name() : null;
        if (refused.get() == QuotaScope.MEMBER) {
            long used = ledger.memberUsed(workspaceId, userId, meter, period).orElse(0);
            throw QuotaExceededException.ofMember(
                    new MeterUsage(meter, used, Limit.of(cap.orElseThrow()), resetsAt), workspace.name(), now);
        }
        long used = ledger.used(workspaceId, meter, period).orElse(0);
        throw QuotaExceededException.ofWorkspace(new MeterUsage(meter, used, limit, resetsAt), teamName, now);
    }

    /**
     * The member's share of a meter today, when they have a cap of their own (LLM requests, on plans with member
     * quotas); empty when they share the workspace's pool.
     */
    public Optional<MeterUsage> memberShare(UUID workspaceId, UUID userId, Meter meter) {
        Instant now = clock.instant();
        WorkspacePlan workspace = workspacePlan(workspaceId);
        LocalDate period = meter.period().startOf(now, workspace.anchorDay());
        return memberCap(workspace, userId, meter)
                .map(cap -> new MeterUsage(
                        meter,
                        ledger.memberUsed(workspaceId, userId, meter, period).orElse(0),
                        Limit.of(cap),
                        meter.period().resetAfter(period, workspace.anchorDay())));
    }

    /** The member's cap on {@code meter}: only LLM requests have caps, and only plans with member quotas apply them. */
    private Optional<Long> memberCap(WorkspacePlan workspace, UUID userId, Meter meter) {
        if (userId == null || meter != Meter.LLM_REQUESTS || !workspace.plan().has(Feature.MEMBER_QUOTAS)) {
            return Optional.empty();
        }
        return QuarkusTransaction.joiningExisting().call(() -> WorkspaceMember.find(workspace.id(), userId)
                .map(member -> member.llmDailyCap)
                .map(Integer::longValue));
    }

    /** Every meter of the workspace now: counted ones with their reset time, standing ones as they stand. */
    public UsageReport report(UUID workspaceId) {
        Instant now = clock.instant();
        WorkspacePlan workspace = workspacePlan(workspaceId);
        List<MeterUsage> meters = new ArrayList<>();
        for (Meter meter : Meter.values()) {
            LocalDate period = meter.period().startOf(now, workspace.anchorDay());
            meters.add(new MeterUsage(
                    meter,
                    ledger.used(workspaceId, meter, period).orElse(0),
                    workspace.plan().limit(meter.quantity()),
                    meter.period().resetAfter(period, workspace.anchorDay())));
        }
        List<StandingUsage> standing = QuarkusTransaction.joiningExisting().call(() -> standingMeters.stream()
                .sorted(Comparator.comparing(StandingMeter::quantity))
                .map(meter -> new StandingUsage(
                        meter.id(),
                        meter.label(),
                        meter.count(workspaceId, now),
                        workspace.plan().limit(meter.quantity())))
                .toList());
        return new UsageReport(workspace.plan(), meters, standing, now);
    }

    /** The workspace's daily counts for the last {@code days} days, oldest first, zero where nothing was counted. */
    public List<DailyCount> daily(UUID workspaceId, Meter meter, int days) {
        LocalDate today = QuotaPeriod.DAILY.startOf(clock.instant(), 1);
        LocalDate first = today.minusDays(days - 1L);
        List<UsageCounter> counters =
                QuarkusTransaction.joiningExisting().call(() -> UsageCounter.between(workspaceId, meter, first, today));
        List<DailyCount> counts = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            LocalDate current = day;
            long used = counters.stream()
                    .filter(counter -> counter.periodStart.equals(current))
                    .mapToLong(counter -> counter.used)
                    .sum();
            counts.add(new DailyCount(day, used));
        }
        return counts;
    }

    private record WorkspacePlan(UUID id, String name, boolean team, Plan plan, int anchorDay) {}

    private WorkspacePlan workspacePlan(UUID workspaceId) {
        Workspace workspace = QuarkusTransaction.joiningExisting()
                .call(() -> Workspace.<Workspace>findByIdOptional(workspaceId))
                .orElseThrow(() -> new IllegalArgumentException("No workspace " + workspaceId));
        return new WorkspacePlan(
                workspace.id,
                workspace.name,
                workspace.isTeam(),
                entitlements.plan(workspace.plan),
                workspace.periodAnchorDay);
    }

    /** A standing meter: an amount held now rather than counted per period. */
    public record StandingUsage(String id, String label, long used, Limit limit) {

        public int percent() {
            return MeterUsage.percentOf(used, limit);
        }
    }

    public record DailyCount(LocalDate day, long count) {}

    /** Everything the usage page and {@code GET /api/billing/usage} show. */
    public record UsageReport(Plan plan, List<MeterUsage> meters, List<StandingUsage> standing, Instant at) {}
}
