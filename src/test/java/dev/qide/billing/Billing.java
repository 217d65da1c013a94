package dev.qide.billing;

import dev.qide.plan.PlanId;
import dev.qide.workspace.Workspace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.UUID;

/** What billing tests read back from the database. */
final class Billing {

    private Billing() {}

    static PlanId planOf(UUID workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> Workspace.<Workspace>findById(workspaceId).plan);
    }

    static BillingAccount account(UUID workspaceId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> BillingAccount.forWorkspace(workspaceId).orElseThrow());
    }

    static String customerOf(UUID workspaceId) {
        return account(workspaceId).stripeCustomerId;
    }
}
