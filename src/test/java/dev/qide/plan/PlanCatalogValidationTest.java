package dev.qide.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.plan.PlanCatalogConfig.PlanConfig;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mistakes in the catalog stop the application at start with a message that names the setting. */
class PlanCatalogValidationTest {

    /** The provider ids of an LLM catalog. */
    private static final List<String> PROVIDERS = List.of("openai", "anthropic", "custom");

    @Test
    void aValidEntryBecomesAPlan() {
        Plan plan = PlanCatalog.toPlan(PlanId.PRO, config(Map.of()), PROVIDERS);
        assertThat(plan.limit(Quantity.API_CALLS_PER_DAY)).isEqualTo(Limit.of(100));
        assertThat(plan.has(Feature.CODE_EXECUTION)).isTrue();
        assertThat(plan.has(Feature.SSO)).isFalse();
    }

    @Test
    void unknownProvidersImpossibleSeatRangesAndCustomWithoutEndpointsAreRefused() {
        assertThatThrownBy(() -> PlanCatalog.toPlan(
                        PlanId.PRO_PLUS, config(Map.of("byokProviders", List.of("opnai"))), PROVIDERS))
                .hasMessageContaining("qide.plans.pro-plus")
                .hasMessageContaining("unknown BYOK provider 'opnai'")
                .hasMessageContaining("the LLM catalog lists openai, anthropic, custom");
        assertThatThrownBy(() -> PlanCatalog.toPlan(
                        PlanId.TEAMS, config(Map.of("teamMembersMin", 10, "teamMembers", Limit.of(5))), PROVIDERS))
                .hasMessageContaining("team-members-min 10 is above team-members 5");
        assertThatThrownBy(() ->
                        PlanCatalog.toPlan(PlanId.FREE, config(Map.of("byokProviders", List.of("custom"))), PROVIDERS))
                .hasMessageContaining("custom provider needs custom-endpoint=true");
    }

    @Test
    void aProviderIsKnownWhenTheLlmCatalogListsIt() {
        assertThat(PlanCatalog.toPlan(PlanId.PRO, config(Map.of("byokProviders", List.of("acme"))), List.of("acme"))
                        .byokProviders())
                .containsExactly("acme");
        assertThatThrownBy(() -> PlanCatalog.toPlan(PlanId.PRO, config(Map.of()), List.of("acme")))
                .hasMessageContaining("qide.plans.pro")
                .hasMessageContaining("unknown BYOK provider 'openai'");
    }

    /** A plan entry with sensible values, some replaced. */
    private static PlanConfig config(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "name",
                "Test",
                "tagline",
                "For tests",
                "price",
                "$1",
                "priceNote",
                Optional.empty(),
                "byokProviders",
                List.of("openai"),
                "supportResponse",
                "1 h",
                "teamMembersMin",
                1,
                "codeExecution",
                true));
        values.putAll(overrides);
        return (PlanConfig) Proxy.newProxyInstance(
                PlanConfig.class.getClassLoader(), new Class<?>[] {PlanConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getReturnType() == Limit.class) {
                        return Limit.of(100);
                    }
                    if (method.getReturnType() == boolean.class) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
