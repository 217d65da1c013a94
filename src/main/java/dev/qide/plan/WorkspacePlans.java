package dev.qide.plan;

import java.util.Optional;
import java.util.UUID;

/** Which plan a workspace is on: implemented where workspaces live, so the plan catalog needs no workspace table. */
public interface WorkspacePlans {

    /** The workspace's plan, or empty when there is no such workspace. */
    Optional<PlanId> planOf(UUID workspaceId);
}
