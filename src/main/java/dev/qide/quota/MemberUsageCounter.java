package dev.qide.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** How much of a meter one member of a workspace used in one period. */
@Entity
@Table(name = "member_usage_counter")
public class MemberUsageCounter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Meter meter;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(nullable = false)
    public long used;

    public static long usedBy(UUID workspaceId, UUID userId, Meter meter, LocalDate period) {
        return find(
                        "workspaceId = ?1 and userId = ?2 and meter = ?3 and periodStart = ?4",
                        workspaceId,
                        userId,
                        meter,
                        period)
                .<MemberUsageCounter>firstResultOptional()
                .map(counter -> counter.used)
                .orElse(0L);
    }

    static long deleteBefore(LocalDate cutoff) {
        return delete("periodStart < ?1", cutoff);
    }
}
