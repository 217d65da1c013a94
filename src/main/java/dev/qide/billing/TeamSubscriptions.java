package dev.qide.billing;

import dev.qide.team.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Tells the team pages whether a team's subscription still runs, from its billing account. */
@ApplicationScoped
class TeamSubscriptions implements Subscriptions {

    @Override
    public boolean running(UUID workspaceId) {
        return BillingAccount.forWorkspace(workspaceId)
                .filter(BillingAccount::live)
                .isPresent();
    }
}
