package dev.qide.support;

import dev.qide.account.user.User;
import dev.qide.plan.PlanId;
import dev.qide.quota.Meter;
import dev.qide.quota.UsageCounter;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.UUID;

/** Test set-up for workspaces that billing would otherwise do: a plan change, a storage figure. */
public final class Workspaces {

    private Workspaces() {}

    public static void setPlan(UUID workspaceId, PlanId plan) {
        QuarkusTransaction.requiringNew().run(() -> Workspace.update("plan = ?1 where id = ?2", plan, workspaceId));
    }

    /** Puts the personal workspace of the account using {@code email} on {@code plan}. */
    public static void setPlanOf(String email, PlanId plan) {
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByEmail(email).orElseThrow();
            Workspace workspace = WorkspaceMember.personalWorkspaceOf(user.id).orElseThrow();
            workspace.plan = plan;
        });
    }

    /** How much of {@code meter} the workspace used, over every period still recorded. */
    public static long used(UUID workspaceId, Meter meter) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        UsageCounter.<UsageCounter>list("workspaceId = ?1 and meter = ?2", workspaceId, meter).stream()
                                .mapToLong(counter -> counter.used)
                                .sum());
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
