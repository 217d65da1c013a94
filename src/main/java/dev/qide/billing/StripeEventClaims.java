package dev.qide.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Records a Stripe event id in {@code stripe_event}, once, in the caller's transaction: the row commits with the
 * event's effects or rolls back with them, so a failure leaves the event for Stripe's retry.
 *
 * <p>Deliveries of one event at the same moment meet at the table's primary key, on every database: an insert of a key
 * that another transaction inserted and has not committed waits for that transaction. When it commits, the event was
 * processed and the waiting delivery is {@link Claim#PROCESSED_BEFORE} (PostgreSQL's {@code ON CONFLICT DO NOTHING}
 * inserts nothing; on H2 the primary key refuses the row). When it rolls back, the waiting insert goes through and that
 * delivery processes the event itself. So a duplicate is never acknowledged while the delivery ahead of it may still
 * fail: Stripe stops retrying an event once any delivery of it got a 2xx, and acknowledging early would lose the event
 * whenever the first delivery then failed. (Claiming in a transaction of its own, committed before the effects, would
 * not race either, but a failure after it would leave the event marked and its effects lost.)
 *
 * <p>The wait is bounded by {@link #WAIT_FOR_OTHER_DELIVERY}: each waiting duplicate holds a worker thread and a
 * database connection, and a first delivery stuck on a slow Stripe call must not drain the pool. Past it the claim is
 * {@link Claim#BUSY}; the delivery is answered 503 and Stripe retries it later.
 */
@ApplicationScoped
class StripeEventClaims {

    /** How long a delivery waits for another delivery of the same event to finish. */
    static final Duration WAIT_FOR_OTHER_DELIVERY = Duration.ofSeconds(10);

    enum Claim {
        /** This transaction recorded the event: process it. */
        OURS,
        /** Another transaction recorded it and committed: nothing to do. */
        PROCESSED_BEFORE,
        /** Another delivery still holds it after the wait. */
        BUSY
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    private static final String POSTGRES_CLAIM =
            "INSERT INTO stripe_event (id, type, processed_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING";
    /** H2 has no {@code ON CONFLICT}: the primary key is the test, and its refusal undoes only this statement. */
    private static final String H2_CLAIM = "INSERT INTO stripe_event (id, type, processed_at) VALUES (?, ?, ?)";

    private final EntityManager entityManager;
    private final Clock clock;
    private final boolean postgres;

    StripeEventClaims(
            EntityManager entityManager,
            Clock clock,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.postgres = dbKind.startsWith("postgres");
    }

    /** Claims {@code eventId} in the current transaction. */
    Claim claim(String eventId, String type) {
        // Plain JDBC on the transaction's connection: a refused insert is an answer here, not an error that would
        // mark the whole transaction for rollback.
        return entityManager
                .unwrap(Session.class)
                .doReturningWork(connection ->
                        postgres ? claimOnPostgres(connection, eventId, type) : claimOnH2(connection, eventId, type));
    }

    private Claim claimOnPostgres(Connection connection, String eventId, String type) throws SQLException {
        try (Statement wait = connection.createStatement()) {
            // For this transaction only; reset below so the effects' own statements keep the usual behaviour.
            wait.execute("SET LOCAL lock_timeout = '" + WAIT_FOR_OTHER_DELIVERY.toMillis() + "ms'");
            Claim claim = insert(connection, POSTGRES_CLAIM, eventId, type);
            if (claim != Claim.BUSY) { // after a lock timeout the transaction is aborted, and only rolls back
                wait.execute("SET LOCAL lock_timeout TO DEFAULT");
            }
            return claim;
        }
    }

    private Claim claimOnH2(Connection connection, String eventId, String type) throws SQLException {
        try (Statement wait = connection.createStatement()) {
            long usual;
            try (ResultSet current = wait.executeQuery("SELECT LOCK_TIMEOUT()")) {
                current.next();
                usual = current.getLong(1);
            }
            // H2's lock timeout belongs to the session (the pooled connection): set for the claim, then put back.
            wait.execute("SET LOCK_TIMEOUT " + WAIT_FOR_OTHER_DELIVERY.toMillis());
            try {
                return insert(connection, H2_CLAIM, eventId, type);
            } finally {
                wait.execute("SET LOCK_TIMEOUT " + usual);
            }
        }
    }

    private Claim insert(Connection connection, String sql, String eventId, String type) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, eventId);
            insert.setString(2, type);
            insert.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            return insert.executeUpdate() == 1 ? Claim.OURS : Claim.PROCESSED_BEFORE;
        } catch (SQLException refused) {
            return switch (String.valueOf(refused.getSQLState())) {
                case UNIQUE_VIOLATION -> Claim.PROCESSED_BEFORE;
                case POSTGRES_LOCK_NOT_AVAILABLE, H2_LOCK_TIMEOUT -> Claim.BUSY;
                default -> throw refused;
            };
        }
    }
}
