package dev.qide.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place that answers "may workspace W do X, and how much of Y?". Features ask here; they never compare
 * plan names themselves.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Entitlements {

    private final PlanCatalog catalog;
    private final WorkspacePlans workspacePlans;

    Entitlements(PlanCatalog catalog, WorkspacePlans workspacePlans) {
        this.catalog = catalog;
        this.workspacePlans = workspacePlans;
    }

    /** The entitlements of a workspace whose plan the caller already holds. */
    public WorkspaceEntitlements of(UUID workspaceId, PlanId plan) {
        return new WorkspaceEntitlements(workspaceId, catalog.plan(plan));
    }

    /** The entitlements of a workspace by id; empty when there is no such workspace. */
    public Optional<WorkspaceEntitlements> of(UUID workspaceId) {
        return workspacePlans.planOf(workspaceId).map(plan -> of(workspaceId, plan));
    }

    /** What a workspace on {@code plan} is entitled to, for pages that compare plans. */
    public Plan plan(PlanId plan) {
        return catalog.plan(plan);
    }

    /** A workspace's plan, asked about one feature or limit at a time. */
    public record WorkspaceEntitlements(UUID workspaceId, Plan plan) {

        public boolean may(Feature feature) {
            return plan.has(feature);
        }

        public Limit limit(Quantity quantity) {
            return plan.limit(quantity);
        }

        /** Whether a BYOK key for {@code providerId} may be used in this workspace. */
        public boolean allowsProvider(String providerId) {
            return plan.allowsProvider(providerId);
        }
    }
}
