package dev.qide.audit;

import dev.qide.account.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Writes audit records, in the transaction of the change they describe (so both happen, or neither). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    public AuditEvent record(
            SignedInUser actor, UUID workspaceId, String action, String target, String detail, String ipAddress) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.workspaceId = workspaceId;
        event.actorId = actor.userId();
        event.actorEmail = actor.email();
        event.action = action;
        event.target = target;
        event.detail = detail;
        event.ipAddress = ipAddress;
        event.createdAt = clock.instant();
        event.persist();
        return event;
    }
}
