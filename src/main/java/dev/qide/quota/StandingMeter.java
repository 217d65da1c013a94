package dev.qide.quota;

import dev.qide.plan.Quantity;
import java.time.Instant;
import java.util.UUID;

/**
 * Something a workspace holds rather than spends (storage, runs going now, API keys), counted by the feature that
 * owns it for the usage page and API. Implementations are CDI beans; the report lists them in {@link Quantity} order.
 */
public interface StandingMeter {

    /** The snake_case id the usage API reports it under. */
    String id();

    /** What the usage page calls it. */
    String label();

    /** The plan limit it is measured against. */
    Quantity quantity();

    /** How much of it the workspace holds at {@code now}. */
    long count(UUID workspaceId, Instant now);
}
