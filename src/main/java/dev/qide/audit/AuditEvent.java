package dev.qide.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One audit record. Written once by {@link AuditLog}; nothing in the code changes or deletes it. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The workspace the action concerns; null for platform-wide actions. */
    @Column(name = "workspace_id", updatable = false)
    public UUID workspaceId;

    @Column(name = "actor_id", updatable = false)
    public UUID actorId;

    /** Kept as written, so the record still says who it was after the account is gone. */
    @Column(name = "actor_email", updatable = false, length = 254)
    public String actorEmail;

    /** What was done, e.g. {@code workspace.plan_changed}. */
    @Column(nullable = false, updatable = false, length = 64)
    public String action;

    @Column(updatable = false, length = 200)
    public String target;

    @Column(updatable = false, length = 1000)
    public String detail;

    @Column(name = "ip_address", updatable = false, length = 64)
    public String ipAddress;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Newest first. */
    public static List<AuditEvent> forWorkspace(UUID workspaceId) {
        return list("workspaceId", Sort.descending("createdAt"), workspaceId);
    }

    /** Everyone (and every part of the system) named as actor in the workspace's log, alphabetically. */
    public static List<String> actorsIn(UUID workspaceId) {
        return distinct("actorEmail", workspaceId);
    }

    /** Every action the workspace's log holds, alphabetically. */
    public static List<String> actionsIn(UUID workspaceId) {
        return distinct("action", workspaceId);
    }

    private static List<String> distinct(String field, UUID workspaceId) {
        return getEntityManager()
                .createQuery(
                        "select distinct e." + field + " from AuditEvent e where e.workspaceId = :workspace and e."
                                + field + " is not null order by e." + field,
                        String.class)
                .setParameter("workspace", workspaceId)
                .getResultList();
    }
}
