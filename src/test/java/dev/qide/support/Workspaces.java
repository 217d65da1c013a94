package dev.qide.support;

import dev.qide.plan.PlanId;
import dev.qide.workspace.Workspace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.UUID;

/** Test set-up for workspaces that billing would otherwise do: a plan change, a storage figure. */
public final class Workspaces {

    private Workspaces() {}

    public static void setPlan(UUID workspaceId, PlanId plan) {
        QuarkusTransaction.requiringNew().run(() -> Workspace.update("plan = ?1 where id = ?2", plan, workspaceId));
    }

    public static long storageUsed(UUID workspaceId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Workspace.<Workspace>findById(workspaceId).storageUsedBytes);
    }

    public static void setStorageUsed(UUID workspaceId, long bytes) {
        QuarkusTransaction.requiringNew()
                .run(() -> Workspace.update("storageUsedBytes = ?1 where id = ?2", bytes, workspaceId));
    }
}
