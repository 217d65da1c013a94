package dev.qide.project;

import dev.qide.plan.Entitlements;
import dev.qide.plan.Limit;
import dev.qide.plan.Quantity;
import dev.qide.web.ByteSizes;
import dev.qide.web.HttpProblem;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Bytes of project content each workspace holds, against its plan's storage limit. Growth is one conditional
 * UPDATE, so two saves at the same moment can never take a workspace past its limit together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WorkspaceStorage {

    private final Entitlements entitlements;

    WorkspaceStorage(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    /** Adds {@code delta} bytes (negative frees space); refuses growth that would pass the plan's limit. */
    public void change(UUID workspaceId, long delta) {
        if (delta <= 0) {
            if (delta < 0) {
                Workspace.update(
                        "storageUsedBytes = case when storageUsedBytes + ?1 < 0 then 0 else storageUsedBytes + ?1 end"
                                + " where id = ?2",
                        delta,
                        workspaceId);
            }
            return;
        }
        Limit limit = entitlements.of(workspaceId).orElseThrow().limit(Quantity.STORAGE_BYTES);
        int updated = limit.unlimited()
                ? Workspace.update("storageUsedBytes = storageUsedBytes + ?1 where id = ?2", delta, workspaceId)
                : Workspace.update(
                        "storageUsedBytes = storageUsedBytes + ?1 where id = ?2 and storageUsedBytes + ?1 <= ?3",
                        delta,
                        workspaceId,
                        limit.amount());
        if (updated == 0) {
            long used = Workspace.<Workspace>findById(workspaceId).storageUsedBytes;
            throw new HttpProblem(
                    413,
                    "Storage full: this workspace holds " + ByteSizes.format(used) + " of its "
                            + ByteSizes.format(limit.amount()) + ". Delete files or upgrade your plan for more.");
        }
    }
}
