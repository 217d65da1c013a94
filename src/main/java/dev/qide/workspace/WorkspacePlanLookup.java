package dev.qide.workspace;

import dev.qide.plan.PlanId;
import dev.qide.plan.WorkspacePlans;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Reads a workspace's plan from its row, for {@link dev.qide.plan.Entitlements}. */
@ApplicationScoped
class WorkspacePlanLookup implements WorkspacePlans {

    @Override
    public Optional<PlanId> planOf(UUID workspaceId) {
        return Workspace.<Workspace>findByIdOptional(workspaceId).map(workspace -> workspace.plan);
    }
}
