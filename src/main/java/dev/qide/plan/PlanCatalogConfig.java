package dev.qide.plan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The plan catalog as configuration. Defaults ship in application.properties; an operator overrides any value,
 * e.g. {@code QIDE_PLANS_TEAMS_LLM_REQUESTS_PER_DAY=unlimited}.
 */
@ConfigMapping(prefix = "qide.plans")
public interface PlanCatalogConfig {

    PlanConfig free();

    PlanConfig pro();

    PlanConfig proPlus();

    PlanConfig teams();

    PlanConfig enterprise();

    /** One plan's limits, features and how it is presented. */
    interface PlanConfig {

        /** Name shown to people. */
        String name();

        /** One line saying who the plan is for. */
        String tagline();

        /** Display price, e.g. "$19"; what is charged lives in Stripe. */
        String price();

        /** What the price is per, e.g. "per month" or "per seat / month". */
        Optional<String> priceNote();

        /** API calls a day through the platform API. */
        @WithConverter(LimitConverter.class)
        Limit apiCallsPerDay();

        /** Platform API requests a minute, per caller (API key or person); the rate limit of the plan. */
        @WithConverter(LimitConverter.class)
        Limit requestsPerMinute();

        /** Chat (LLM) requests a day. */
        @WithConverter(LimitConverter.class)
        Limit llmRequestsPerDay();

        /** Tokens a month on platform-managed LLM keys (an add-on; 0 when not bought). */
        @WithConverter(LimitConverter.class)
        @WithDefault("0")
        Limit platformTokensPerMonth();

        /** Project storage: bytes with a K/M/G/T suffix, or unlimited. */
        @WithConverter(StorageLimitConverter.class)
        Limit storage();

        /** Code runs that may be under way at once. */
        @WithConverter(LimitConverter.class)
        Limit concurrentRuns();

        /** Platform API keys a workspace may hold. */
        @WithConverter(LimitConverter.class)
        Limit apiKeys();

        /** Most members a workspace may have. */
        @WithConverter(LimitConverter.class)
        Limit teamMembers();

        /** Fewest seats a subscription is sold with. */
        @WithDefault("1")
        int teamMembersMin();

        /** Days run and debug logs are kept, or unlimited. */
        @WithConverter(LimitConverter.class)
        Limit logRetentionDays();

        /** BYOK provider ids allowed on this plan, as the LLM catalog (llm-catalog.json) lists them. */
        List<String> byokProviders();

        /** Support response time as shown, e.g. "24 h". */
        String supportResponse();

        boolean codeExecution();

        boolean outgoingWebhooks();

        boolean versionHistory();

        /** Custom base URLs for BYOK keys (self-hosted or OpenAI-compatible endpoints). */
        boolean customEndpoint();

        boolean roles();

        boolean sharedWorkspaces();

        boolean auditLog();

        boolean memberQuotas();

        /** Sign-in through the workspace's own OIDC issuer. */
        boolean sso();

        /** Platform-managed LLM keys can be bought as an add-on. */
        boolean platformManagedKeys();
    }
}
