package dev.qide.plan;

import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmProvider;
import dev.qide.plan.PlanCatalogConfig.PlanConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The five plans, read once from configuration and checked for mistakes at start, among them BYOK providers the LLM
 * catalog does not list.
 */
@Startup
@ApplicationScoped
public class PlanCatalog {

    private final Map<PlanId, Plan> plans = new EnumMap<>(PlanId.class);

    PlanCatalog(PlanCatalogConfig config, LlmCatalog providers) {
        List<String> providerIds = providers.providerIds();
        plans.put(PlanId.FREE, toPlan(PlanId.FREE, config.free(), providerIds));
        plans.put(PlanId.PRO, toPlan(PlanId.PRO, config.pro(), providerIds));
        plans.put(PlanId.PRO_PLUS, toPlan(PlanId.PRO_PLUS, config.proPlus(), providerIds));
        plans.put(PlanId.TEAMS, toPlan(PlanId.TEAMS, config.teams(), providerIds));
        plans.put(PlanId.ENTERPRISE, toPlan(PlanId.ENTERPRISE, config.enterprise(), providerIds));
    }

    public Plan plan(PlanId id) {
        return plans.get(id);
    }

    /** Every plan, cheapest first. */
    public List<Plan> all() {
        return List.copyOf(plans.values());
    }

    /** The plan {@code config} describes, whose BYOK providers must be among {@code providerIds} (the catalog's). */
    static Plan toPlan(PlanId id, PlanConfig config, List<String> providerIds) {
        List<String> problems = new ArrayList<>();
        for (String provider : config.byokProviders()) {
            if (!providerIds.contains(provider)) {
                problems.add("unknown BYOK provider '" + provider + "' (the LLM catalog lists "
                        + String.join(", ", providerIds) + ")");
            }
        }
        if (!config.teamMembers().allows(config.teamMembersMin())) {
            problems.add(
                    "team-members-min " + config.teamMembersMin() + " is above team-members " + config.teamMembers());
        }
        if (config.byokProviders().contains(LlmProvider.CUSTOM) && !config.customEndpoint()) {
            problems.add("the custom provider needs custom-endpoint=true");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Plan catalog entry qide.plans."
                    + id.name().toLowerCase(Locale.ROOT).replace('_', '-') + " is invalid: "
                    + String.join("; ", problems));
        }

        Map<Quantity, Limit> limits = new EnumMap<>(Quantity.class);
        limits.put(Quantity.API_CALLS_PER_DAY, config.apiCallsPerDay());
        limits.put(Quantity.REQUESTS_PER_MINUTE, config.requestsPerMinute());
        limits.put(Quantity.LLM_REQUESTS_PER_DAY, config.llmRequestsPerDay());
        limits.put(Quantity.PLATFORM_TOKENS_PER_MONTH, config.platformTokensPerMonth());
        limits.put(Quantity.STORAGE_BYTES, config.storage());
        limits.put(Quantity.CONCURRENT_RUNS, config.concurrentRuns());
        limits.put(Quantity.API_KEYS, config.apiKeys());
        limits.put(Quantity.TEAM_MEMBERS, config.teamMembers());
        limits.put(Quantity.LOG_RETENTION_DAYS, config.logRetentionDays());

        return new Plan(
                id,
                config.name(),
                config.tagline(),
                config.price(),
                config.priceNote(),
                limits,
                features(config),
                config.byokProviders(),
                config.teamMembersMin(),
                config.supportResponse());
    }

    private static Set<Feature> features(PlanConfig config) {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        addIf(features, Feature.CODE_EXECUTION, config.codeExecution());
        addIf(features, Feature.OUTGOING_WEBHOOKS, config.outgoingWebhooks());
        addIf(features, Feature.VERSION_HISTORY, config.versionHistory());
        addIf(features, Feature.CUSTOM_ENDPOINT, config.customEndpoint());
        addIf(features, Feature.ROLES, config.roles());
        addIf(features, Feature.SHARED_WORKSPACES, config.sharedWorkspaces());
        addIf(features, Feature.AUDIT_LOG, config.auditLog());
        addIf(features, Feature.MEMBER_QUOTAS, config.memberQuotas());
        addIf(features, Feature.SSO, config.sso());
        addIf(features, Feature.PLATFORM_MANAGED_KEYS, config.platformManagedKeys());
        return features;
    }

    private static void addIf(Set<Feature> features, Feature feature, boolean enabled) {
        if (enabled) {
            features.add(feature);
        }
    }
}
