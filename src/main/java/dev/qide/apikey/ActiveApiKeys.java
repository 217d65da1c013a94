package dev.qide.apikey;

import dev.qide.plan.Quantity;
import dev.qide.quota.StandingMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The workspace's API keys neither revoked nor expired, for the usage page. */
@ApplicationScoped
class ActiveApiKeys implements StandingMeter {

    @Override
    public String id() {
        return "api_keys";
    }

    @Override
    public String label() {
        return "API keys";
    }

    @Override
    public Quantity quantity() {
        return Quantity.API_KEYS;
    }

    @Override
    public long count(UUID workspaceId, Instant now) {
        return ApiKey.countActive(workspaceId, now);
    }
}
