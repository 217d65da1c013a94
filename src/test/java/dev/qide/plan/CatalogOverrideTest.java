package dev.qide.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator changes the catalog by configuration; the page and the Entitlements answer follow. */
@QuarkusTest
@TestProfile(CatalogOverrideTest.OperatorOverrides.class)
class CatalogOverrideTest {

    /** What an operator would set as QIDE_PLANS_PRO_API_CALLS_PER_DAY=12345 and so on. */
    public static class OperatorOverrides implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "qide.plans.pro.api-calls-per-day", "12_345",
                    "qide.plans.free.code-execution", "true",
                    "qide.plans.teams.llm-requests-per-day", "unlimited",
                    "qide.plans.teams.name", "Squads");
        }
    }

    @Inject
    Entitlements entitlements;

    @Test
    void overriddenLimitsShowOnThePricingPageAndInEntitlements() {
        assertThat(entitlements.plan(PlanId.PRO).limit(Quantity.API_CALLS_PER_DAY))
                .isEqualTo(Limit.of(12_345));
        assertThat(entitlements.plan(PlanId.FREE).has(Feature.CODE_EXECUTION)).isTrue();
        assertThat(entitlements.plan(PlanId.TEAMS).limit(Quantity.LLM_REQUESTS_PER_DAY))
                .isEqualTo(Limit.UNLIMITED);

        new Browser()
                .get("/pricing")
                .then()
                .statusCode(200)
                .body(
                        containsString("12,345 API calls / day"),
                        containsString("Unlimited LLM requests / day"),
                        not(containsString("10,000")),
                        containsString("Squads"));
    }
}
