package dev.qide.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Overage units of one period claimed for Stripe, up to {@code unitsThrough}: written once (a unique key), then
 * sent with its identifier until Stripe has it.
 */
@Entity
@Table(name = "metered_usage_report")
public class MeteredUsageReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    /** The Q-IDE meter, e.g. {@code llm_requests}. */
    @Column(nullable = false, length = 32)
    public String meter;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    /** Overage units of the period reported so far, this row's included. */
    @Column(name = "units_through", nullable = false)
    public long unitsThrough;

    /** Units this row reports. */
    @Column(nullable = false)
    public long units;

    /** Stripe's idempotency identifier of the meter event; the same for every attempt at sending this row. */
    @Column(nullable = false, length = 200)
    public String identifier;

    @Column(name = "event_name", nullable = false, length = 100)
    public String eventName;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    /** The time the meter event is stamped with (inside its period). */
    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Overage units of the period already claimed. */
    static long claimedThrough(UUID workspaceId, String meter, LocalDate periodStart) {
        Long through = find(
                        "select max(r.unitsThrough) from MeteredUsageReport r"
                                + " where r.workspaceId = ?1 and r.meter = ?2 and r.periodStart = ?3",
                        workspaceId,
                        meter,
                        periodStart)
                .project(Long.class)
                .firstResult();
        return through == null ? 0 : through;
    }

    static List<MeteredUsageReport> unsent() {
        return list("sentAt is null order by createdAt, unitsThrough");
    }
}
