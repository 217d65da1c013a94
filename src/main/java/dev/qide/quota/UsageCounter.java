package dev.qide.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** How much of a meter a workspace used in one period, for reading; {@link UsageLedger} does the counting. */
@Entity
@Table(name = "usage_counter")
public class UsageCounter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Meter meter;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(nullable = false)
    public long used;

    static List<UsageCounter> between(UUID workspaceId, Meter meter, LocalDate first, LocalDate last) {
        return list(
                "workspaceId = ?1 and meter = ?2 and periodStart between ?3 and ?4",
                Sort.ascending("periodStart"),
                workspaceId,
                meter,
                first,
                last);
    }

    /** Deletes counters of periods that started before {@code cutoff}; answers how many. */
    static long deleteBefore(LocalDate cutoff) {
        return delete("periodStart < ?1", cutoff);
    }
}
