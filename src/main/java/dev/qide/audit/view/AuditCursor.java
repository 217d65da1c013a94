package dev.qide.audit.view;

import dev.qide.audit.AuditEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Where a page of the audit log ends: the last record's time and id, written into the "Older" link. */
public record AuditCursor(Instant createdAt, UUID id) {

    public static AuditCursor after(AuditEvent event) {
        return new AuditCursor(event.createdAt, event.id);
    }

    /** Reads a cursor written by {@link #toString()}; empty for anything else. */
    public static Optional<AuditCursor> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int separator = text.lastIndexOf('_');
        if (separator < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditCursor(
                    Instant.parse(text.substring(0, separator)), UUID.fromString(text.substring(separator + 1))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code 2026-03-01T10:15:30.123456Z_<uuid>} */
    @Override
    public String toString() {
        return createdAt + "_" + id;
    }
}
