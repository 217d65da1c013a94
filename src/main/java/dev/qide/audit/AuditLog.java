package dev.qide.audit;

import dev.qide.identity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Writes audit records, in the transaction of the change they describe (so both happen, or neither). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    /** The actor named on changes made by billing on Stripe's word (no person signed in). */
    public static final String BILLING_ACTOR = "Stripe billing";

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    public AuditEvent record(
            SignedInUser actor, UUID workspaceId, String action, String target, String detail, String ipAddress) {
        return write(actor.userId(), actor.email(), workspaceId, action, target, detail, ipAddress);
    }

    /** A change made by the system itself ({@code actor} names which part), not by a signed-in person. */
    public AuditEvent recordBySystem(UUID workspaceId, String actor, String action, String target, String detail) {
        return write(null, actor, workspaceId, action, target, detail, null);
    }

    private AuditEvent write(
            UUID actorId,
            String actorName,
            UUID workspaceId,
            String action,
            String target,
            String detail,
            String ipAddress) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.workspaceId = workspaceId;
        event.actorId = actorId;
        event.actorEmail = actorName;
        event.action = action;
        event.target = target;
        event.detail = detail;
        event.ipAddress = ipAddress;
        event.createdAt = clock.instant();
        event.persist();
        return event;
    }
}
