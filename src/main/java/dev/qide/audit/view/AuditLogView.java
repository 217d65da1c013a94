package dev.qide.audit.view;

import dev.qide.audit.AuditEvent;
import dev.qide.audit.AuditTimes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One page of a team's audit log: the filter form (with its choices and messages), the records, and the links to
 * older records and to the export. {@code upgradeReason} is set, and nothing else shown, when the plan has no log.
 */
public record AuditLogView(
        UUID teamId,
        String teamName,
        String upgradeReason,
        AuditFilter filter,
        List<AuditEvent> events,
        AuditCursor older,
        long matching,
        List<String> actors,
        List<String> actions) {

    public boolean available() {
        return upgradeReason == null;
    }

    public String logPath() {
        return AuditRoutes.log(teamId);
    }

    public String exportHref() {
        return withQuery(AuditRoutes.export(teamId), filter.queryString());
    }

    /** The next page of the same filter, or null on the last page. */
    public String olderHref() {
        if (older == null) {
            return null;
        }
        String query = filter.queryString();
        return withQuery(logPath(), (query.isEmpty() ? "" : query + "&") + "before=" + older);
    }

    public String teamPath() {
        return "/teams/" + teamId;
    }

    public boolean exportTruncated() {
        return matching > AuditExport.MAX_ROWS;
    }

    public int exportCap() {
        return AuditExport.MAX_ROWS;
    }

    public String iso(Instant instant) {
        return AuditTimes.iso(instant);
    }

    public String readable(Instant instant) {
        return AuditTimes.readable(instant);
    }

    private static String withQuery(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
