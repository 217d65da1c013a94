package dev.qide.quota;

import dev.qide.plan.Quantity;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The bytes a workspace's files take, as the workspace row keeps them. */
@ApplicationScoped
class StoredBytes implements StandingMeter {

    @Override
    public String id() {
        return "storage_bytes";
    }

    @Override
    public String label() {
        return "Storage";
    }

    @Override
    public Quantity quantity() {
        return Quantity.STORAGE_BYTES;
    }

    @Override
    public long count(UUID workspaceId, Instant now) {
        return Workspace.<Workspace>findById(workspaceId).storageUsedBytes;
    }
}
