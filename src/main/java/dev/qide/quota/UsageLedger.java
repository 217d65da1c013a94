package dev.qide.quota;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The usage counters in the database, per workspace and per member. Adding to a counter is a single conditional
 * {@code UPDATE ... SET used = used + n WHERE ... AND used + n <= limit}: the database serializes concurrent
 * adds on the row, so no interleaving of requests (or replicas) can take a count past its limit. A member with a cap
 * has their own conditional update in the same transaction, so a request is counted in both places or in neither.
 */
@ApplicationScoped
class UsageLedger {

    private static final String ADD_UNDER_LIMIT = "UPDATE usage_counter SET used = used + ?1"
            + " WHERE workspace_id = ?2 AND meter = ?3 AND period_start = ?4 AND used + ?1 <= ?5";
    private static final String ADD = "UPDATE usage_counter SET used = used + ?1"
            + " WHERE workspace_id = ?2 AND meter = ?3 AND period_start = ?4";
    private static final String CREATE =
            "INSERT INTO usage_counter (id, workspace_id, meter, period_start, used) VALUES (?1, ?2, ?3, ?4, 0)";
    private static final String ADD_MEMBER = "UPDATE member_usage_counter SET used = used + ?1"
            + " WHERE workspace_id = ?2 AND user_id = ?3 AND meter = ?4 AND period_start = ?5";
    private static final String ADD_MEMBER_UNDER_CAP = ADD_MEMBER + " AND used + ?1 <= ?6";
    private static final String READ_MEMBER = "SELECT used FROM member_usage_counter WHERE workspace_id = ?1"
            + " AND user_id = ?2 AND meter = ?3 AND period_start = ?4";
    private static final String CREATE_MEMBER = "INSERT INTO member_usage_counter"
            + " (id, workspace_id, user_id, meter, period_start, used) VALUES (?1, ?2, ?3, ?4, ?5, 0)";
    private static final String READ =
            "SELECT used FROM usage_counter WHERE workspace_id = ?1 AND meter = ?2 AND period_start = ?3";

    /** Retries when a concurrent update made ours miss; far more than contention ever needs. */
    private static final int MAX_ATTEMPTS = 1000;

    private final EntityManager entityManager;
    private final boolean postgres;

    /** Member counters known to exist, so the common path is one transaction; only saves a lookup. */
    private final Set<String> knownMemberRows = ConcurrentHashMap.newKeySet();

    UsageLedger(EntityManager entityManager, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.postgres = dbKind.startsWith("postgres");
    }

    /**
     * Adds {@code amount} to the workspace's counter for the period unless that would pass {@code limit} (null: no
     * limit), and to the member's counter ({@code userId} given) unless that would pass {@code memberCap} (null: no
     * cap): to both, or to neither. Answers empty when it was added, else whose limit refused it. Runs in its own
     * transaction, committed before it returns.
     */
    Optional<QuotaScope> add(
            UUID workspaceId, UUID userId, Meter meter, LocalDate period, long amount, Long limit, Long memberCap) {
        if (userId != null) {
            ensureMemberRow(workspaceId, userId, meter, period);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<QuotaScope> missed =
                    addIfUnderLimits(workspaceId, userId, meter, period, amount, limit, memberCap);
            if (missed.isEmpty()) {
                return missed;
            }
            if (missed.get() == QuotaScope.WORKSPACE) {
                OptionalLong used = used(workspaceId, meter, period);
                if (used.isEmpty()) {
                    createRow(CREATE, workspaceId, null, meter, period);
                } else if (limit != null && used.getAsLong() + amount > limit) {
                    return missed;
                }
            } else {
                OptionalLong used = memberUsed(workspaceId, userId, meter, period);
                if (used.isEmpty()) {
                    createRow(CREATE_MEMBER, workspaceId, userId, meter, period);
                } else if (used.getAsLong() + amount > memberCap) {
                    return missed;
                }
            }
            // Under the limits, yet not added: a concurrent update got in the way (H2 answers 0 rows then); again.
        }
        throw new IllegalStateException("Could not count " + meter + " for workspace " + workspaceId);
    }

    /**
     * One transaction: the workspace's counter under its limit and, when that worked, the member's counter under
     * their cap; when the member's update misses, the transaction rolls back, taking the workspace's add with it.
     * Answers empty when both were added, else which update missed.
     */
    private Optional<QuotaScope> addIfUnderLimits(
            UUID workspaceId, UUID userId, Meter meter, LocalDate period, long amount, Long limit, Long memberCap) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                relaxDurability();
                int updated = (limit == null
                                ? entityManager.createNativeQuery(ADD)
                                : entityManager
                                        .createNativeQuery(ADD_UNDER_LIMIT)
                                        .setParameter(5, limit))
                        .setParameter(1, amount)
                        .setParameter(2, workspaceId)
                        .setParameter(3, meter.name())
                        .setParameter(4, period)
                        .executeUpdate();
                if (updated != 1) {
                    return Optional.of(QuotaScope.WORKSPACE);
                }
                if (userId != null) {
                    int memberUpdated = (memberCap == null
                                    ? entityManager.createNativeQuery(ADD_MEMBER)
                                    : entityManager
                                            .createNativeQuery(ADD_MEMBER_UNDER_CAP)
                                            .setParameter(6, memberCap))
                            .setParameter(1, amount)
                            .setParameter(2, workspaceId)
                            .setParameter(3, userId)
                            .setParameter(4, meter.name())
                            .setParameter(5, period)
                            .executeUpdate();
                    if (memberCap != null && memberUpdated != 1) {
                        throw new MemberCapMissed();
                    }
                }
                return Optional.<QuotaScope>empty();
            });
        } catch (MemberCapMissed rolledBack) {
            return Optional.of(QuotaScope.MEMBER);
        }
    }

    /** Thrown inside the counting transaction to roll it back when the member's update missed. */
    private static final class MemberCapMissed extends RuntimeException {
        MemberCapMissed() {
            super(null, null, false, false);
        }
    }

    /**
     * On PostgreSQL, a counter's commit does not wait for the disk (synchronous_commit off for this transaction
     * only): a crash can lose the last few milliseconds of counts, which only ever errs in the customer's favour,
     * and it can never let a count pass its limit. It saves a disk flush per request.
     */
    private void relaxDurability() {
        if (postgres) {
            entityManager
                    .createNativeQuery("SET LOCAL synchronous_commit TO OFF")
                    .executeUpdate();
        }
    }

    private void ensureMemberRow(UUID workspaceId, UUID userId, Meter meter, LocalDate period) {
        String key = workspaceId + "/" + userId + "/" + meter + "/" + period;
        if (knownMemberRows.contains(key)) {
            return;
        }
        if (memberUsed(workspaceId, userId, meter, period).isEmpty()) {
            createRow(CREATE_MEMBER, workspaceId, userId, meter, period);
        }
        if (knownMemberRows.size() > 100_000) {
            knownMemberRows.clear();
        }
        knownMemberRows.add(key);
    }

    /** The workspace's count for the period, or empty when nothing was counted in it yet. */
    OptionalLong used(UUID workspaceId, Meter meter, LocalDate period) {
        return QuarkusTransaction.joiningExisting().call(() -> entityManager
                .createNativeQuery(READ)
                .setParameter(1, workspaceId)
                .setParameter(2, meter.name())
                .setParameter(3, period)
                .getResultStream()
                .mapToLong(value -> ((Number) value).longValue())
                .findFirst());
    }

    /** The member's count for the period, or empty when nothing was counted for them in it yet. */
    OptionalLong memberUsed(UUID workspaceId, UUID userId, Meter meter, LocalDate period) {
        return QuarkusTransaction.joiningExisting().call(() -> entityManager
                .createNativeQuery(READ_MEMBER)
                .setParameter(1, workspaceId)
                .setParameter(2, userId)
                .setParameter(3, meter.name())
                .setParameter(4, period)
                .getResultStream()
                .mapToLong(value -> ((Number) value).longValue())
                .findFirst());
    }

    /**
     * Creates a zero counter in its own transaction. Two requests may race to create the same one; the loser's
     * insert fails on the unique key, which is fine: the row exists either way.
     */
    private void createRow(String sql, UUID workspaceId, UUID userId, Meter meter, LocalDate period) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                var insert = entityManager.createNativeQuery(sql).setParameter(1, UUID.randomUUID());
                if (userId == null) {
                    insert.setParameter(2, workspaceId)
                            .setParameter(3, meter.name())
                            .setParameter(4, period);
                } else {
                    insert.setParameter(2, workspaceId)
                            .setParameter(3, userId)
                            .setParameter(4, meter.name())
                            .setParameter(5, period);
                }
                insert.executeUpdate();
            });
        } catch (RuntimeException failed) {
            boolean exists = userId == null
                    ? used(workspaceId, meter, period).isPresent()
                    : memberUsed(workspaceId, userId, meter, period).isPresent();
            if (!exists) {
                throw failed;
            }
            // Another request created it first.
        }
    }
}
