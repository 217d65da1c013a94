package dev.qide.billing;

import dev.qide.billing.BillingPlans.Overage;
import dev.qide.plan.Limit;
import dev.qide.plan.PlanCatalog;
import dev.qide.quota.QuotaPeriod;
import dev.qide.quota.QuotaService;
import dev.qide.quota.QuotaService.DailyCount;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports usage beyond a plan's included amount to Stripe Billing Meters. Each unit is claimed once in the local
 * ledger ({@link MeteredUsageReport}, unique per workspace, meter, period and running total) before it is sent, and
 * sent with an identifier Stripe deduplicates on, so a run that is repeated, late, or racing another replica sends
 * every unit exactly once.
 */
@ApplicationScoped
public class UsageReporter {

    private final BillingPlans plans;
    private final BillingConfig config;
    private final PlanCatalog catalog;
    private final QuotaService quotas;
    private final StripeGateway stripe;
    private final Clock clock;

    UsageReporter(
            BillingPlans plans,
            BillingConfig config,
            PlanCatalog catalog,
            QuotaService quotas,
            StripeGateway stripe,
            Clock clock) {
        this.plans = plans;
        this.config = config;
        this.catalog = catalog;
        this.quotas = quotas;
        this.stripe = stripe;
        this.clock = clock;
    }

    @Scheduled(
            every = "${qide.billing.usage-report-every:1h}",
            delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (plans.configured()) {
            run();
        }
    }

    /** Claims new overage and sends every unsent claim; answers how many meter events Stripe accepted. */
    public int run() {
        Instant now = clock.instant();
        List<BillingAccount> accounts = QuarkusTransaction.requiringNew().call(BillingAccount::liveSubscriptions);
        for (BillingAccount account : accounts) {
            if (account.subscribedPlan == null) {
                continue;
            }
            plans.overageOf(account.subscribedPlan).ifPresent(overage -> claimOverage(account, overage, now));
        }
        return sendUnsent();
    }

    private void claimOverage(BillingAccount account, Overage overage, Instant now) {
        if (overage.meter().period() != QuotaPeriod.DAILY) {
            Log.warnf(
                    "Overage is only reported for daily meters, not %s",
                    overage.meter().id());
            return;
        }
        Optional<Long> included = included(account, overage);
        if (included.isEmpty()) {
            return;
        }
        for (DailyCount count : quotas.daily(account.workspaceId, overage.meter(), config.usageReportLookbackDays())) {
            long over = count.count() - included.get();
            if (over > 0) {
                claim(account, overage, count.day(), over, now);
            }
        }
    }

    /** Units included per period: configured, or the plan's limit; empty when the plan has no limit to pass. */
    private Optional<Long> included(BillingAccount account, Overage overage) {
        if (overage.included().isPresent()) {
            return Optional.of(overage.included().getAsLong());
        }
        Limit limit = catalog.plan(account.subscribedPlan).limit(overage.meter().quantity());
        return limit.unlimited() ? Optional.empty() : Optional.of(limit.amount());
    }

    private void claim(BillingAccount account, Overage overage, LocalDate day, long over, Instant now) {
        String meter = overage.meter().id();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                long claimed = MeteredUsageReport.claimedThrough(account.workspaceId, meter, day);
                if (over <= claimed) {
                    return;
                }
                MeteredUsageReport report = new MeteredUsageReport();
                report.id = UUID.randomUUID();
                report.workspaceId = account.workspaceId;
                report.meter = meter;
                report.periodStart = day;
                report.unitsThrough = over;
                report.units = over - claimed;
                report.identifier = "qide_" + account.workspaceId + "_" + meter + "_" + day + "_" + over;
                report.eventName = overage.eventName();
                report.customerId = account.stripeCustomerId;
                report.eventTime = eventTime(day, now);
                report.createdAt = now;
                report.persist();
            });
        } catch (RuntimeException raced) {
            // Another run claimed the same units at the same moment (the unique key); it sends them.
            Log.debugf("Overage of %s on %s for workspace %s already claimed", meter, day, account.workspaceId);
        }
    }

    private int sendUnsent() {
        int sent = 0;
        for (MeteredUsageReport report : QuarkusTransaction.requiringNew().call(MeteredUsageReport::unsent)) {
            try {
                stripe.sendMeterEvent(
                        report.eventName, report.customerId, report.units, report.identifier, report.eventTime);
            } catch (StripeUnavailableException e) {
                return sent; // kept unsent: the next run sends it again with the same identifier
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> MeteredUsageReport.update(
                            "sentAt = ?1 where id = ?2 and sentAt is null", clock.instant(), report.id));
            sent++;
        }
        if (sent > 0) {
            Log.infof("Reported %d metered usage events to Stripe", sent);
        }
        return sent;
    }

    /** Now, or the last second of the period when reporting a past one late. */
    private static Instant eventTime(LocalDate day, Instant now) {
        Instant lastSecond =
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        return now.isBefore(lastSecond) ? now : lastSecond;
    }
}
