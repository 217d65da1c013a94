package dev.qide.audit.view;

import dev.qide.audit.AuditEvent;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records of one workspace's audit log that pass a filter, newest first. It is the one query behind both the page
 * and the CSV export, so the two always hold the same rows. Pages follow a keyset on (created_at, id), so an "Older"
 * link stays right while new records arrive.
 */
public record AuditQuery(UUID workspaceId, AuditFilter filter) {

    public AuditQuery {
        if (!filter.valid()) {
            throw new IllegalArgumentException("A filter with errors does not select records");
        }
    }

    /** At most {@code limit} matching records older than {@code before} (from the newest when null). */
    public List<AuditEvent> page(AuditCursor before, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(before, params);
        return AuditEvent.<AuditEvent>find(where, Sort.descending("createdAt", "id"), params)
                .range(0, limit - 1)
                .list();
    }

    /** How many records match. */
    public long count() {
        Map<String, Object> params = new HashMap<>();
        return AuditEvent.count(where(null, params), params);
    }

    private String where(AuditCursor before, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("workspaceId = :workspace");
        params.put("workspace", workspaceId);
        if (filter.actor() != null) {
            where.append(" and actorEmail = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            where.append(" and createdAt >= :from");
            params.put("from", startOf(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and createdAt < :until");
            params.put("until", startOf(filter.to().plusDays(1)));
        }
        if (before != null) {
            where.append(" and (createdAt < :beforeAt or (createdAt = :beforeAt and id < :beforeId))");
            params.put("beforeAt", before.createdAt());
            params.put("beforeId", before.id());
        }
        return where.toString();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
