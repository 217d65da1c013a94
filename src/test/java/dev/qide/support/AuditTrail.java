package dev.qide.support;

import dev.qide.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.UUID;

/** The audit records a workspace has, read as committed (tests check what the application wrote). */
public final class AuditTrail {

    private AuditTrail() {}

    public static List<AuditEvent> of(UUID workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("workspaceId", workspaceId));
    }

    /** Just the actions, in the order they were written ("provider_key.added", ...). */
    public static List<String> actionsOf(UUID workspaceId) {
        return of(workspaceId).stream().map(event -> event.action).toList();
    }
}
