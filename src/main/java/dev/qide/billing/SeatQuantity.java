package dev.qide.billing;

import dev.qide.plan.PlanCatalog;
import dev.qide.plan.PlanId;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * How many seats a workspace's subscription to a plan is for: its member count on per-seat plans, never below the
 * plan's minimum; one on the others. Checkout sells this many and {@link SeatSync} keeps Stripe at it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SeatQuantity {

    private final BillingPlans plans;
    private final PlanCatalog catalog;

    SeatQuantity(BillingPlans plans, PlanCatalog catalog) {
        this.plans = plans;
        this.catalog = catalog;
    }

    public long of(UUID workspaceId, PlanId plan) {
        if (!plans.perSeat(plan)) {
            return 1;
        }
        return Math.max(WorkspaceMember.countIn(workspaceId), catalog.plan(plan).teamMembersMin());
    }
}
