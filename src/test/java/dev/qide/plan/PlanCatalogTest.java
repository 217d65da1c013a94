package dev.qide.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.account.user.User;
import dev.qide.support.Browser;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shipped catalog holds every figure of ARCHITECTURE.md's plan table. */
@QuarkusTest
class PlanCatalogTest {

    private static final long GIB = 1L << 30;

    @Inject
    PlanCatalog catalog;

    @Inject
    Entitlements entitlements;

    @Test
    void dailyLimitsAndStorageMatchTheTable() {
        assertLimits(PlanId.FREE, 20, 2, GIB / 2, 1, 1, 1, 7);
        assertLimits(PlanId.PRO, 10_000, 1_000, 100 * GIB, 5, 5, 1, 30);
        assertLimits(PlanId.PRO_PLUS, 50_000, 5_000, 250 * GIB, 8, 10, 1, 60);
        assertLimits(PlanId.TEAMS, 100_000, 10_000, 1024 * GIB, 10, -1, 100, 90);
        Plan enterprise = catalog.plan(PlanId.ENTERPRISE);
        assertThat(enterprise.limit(Quantity.API_CALLS_PER_DAY)).isEqualTo(Limit.UNLIMITED);
        assertThat(enterprise.limit(Quantity.LLM_REQUESTS_PER_DAY)).isEqualTo(Limit.UNLIMITED);
        assertThat(enterprise.limit(Quantity.STORAGE_BYTES)).isEqualTo(Limit.of(10 * 1024 * GIB));
        assertThat(enterprise.limit(Quantity.CONCURRENT_RUNS)).isEqualTo(Limit.of(50));
        assertThat(enterprise.limit(Quantity.TEAM_MEMBERS)).isEqualTo(Limit.UNLIMITED);
        assertThat(enterprise.limit(Quantity.LOG_RETENTION_DAYS)).isEqualTo(Limit.UNLIMITED);
        assertThat(catalog.plan(PlanId.TEAMS).teamMembersMin()).isEqualTo(5);
    }

    @Test
    void featuresMatchTheTable() {
        assertThat(catalog.plan(PlanId.FREE).features()).isEmpty();
        assertThat(catalog.plan(PlanId.PRO).features())
                .containsExactlyInAnyOrder(Feature.CODE_EXECUTION, Feature.OUTGOING_WEBHOOKS, Feature.VERSION_HISTORY);
        assertThat(catalog.plan(PlanId.PRO_PLUS).features())
                .containsExactlyInAnyOrder(
                        Feature.CODE_EXECUTION,
                        Feature.OUTGOING_WEBHOOKS,
                        Feature.VERSION_HISTORY,
                        Feature.CUSTOM_ENDPOINT);
        assertThat(catalog.plan(PlanId.TEAMS).features())
                .contains(Feature.ROLES, Feature.SHARED_WORKSPACES, Feature.AUDIT_LOG, Feature.MEMBER_QUOTAS)
                .doesNotContain(Feature.SSO, Feature.PLATFORM_MANAGED_KEYS);
        assertThat(catalog.plan(PlanId.ENTERPRISE).features()).containsExactlyInAnyOrder(Feature.values());
    }

    @Test
    void byokProvidersGrowWithThePlan() {
        assertThat(catalog.plan(PlanId.FREE).byokProviders()).containsExactly("openai");
        assertThat(catalog.plan(PlanId.PRO).byokProviders()).containsExactly("openai", "anthropic");
        assertThat(catalog.plan(PlanId.PRO_PLUS).byokProviders()).contains("openai", "anthropic", "cohere");
        assertThat(catalog.plan(PlanId.TEAMS).byokProviders())
                .contains("google", "groq", "openrouter", "moonshot", "minimax", "custom");
    }

    @Test
    void entitlementsAnswerForAWorkspaceFromItsPlan() {
        Browser browser = Browser.signedUp("Entitled");
        Workspace workspace = QuarkusTransaction.requiringNew().call(() -> WorkspaceMember.personalWorkspaceOf(
                        User.findByEmail(browser.email()).orElseThrow().id)
                .orElseThrow());

        // Each question in its own transaction, as each request has its own persistence context.
        Entitlements.WorkspaceEntitlements free = QuarkusTransaction.requiringNew()
                .call(() -> entitlements.of(workspace.id).orElseThrow());
        assertThat(free.plan().id()).isEqualTo(PlanId.FREE);
        assertThat(free.may(Feature.CODE_EXECUTION)).isFalse();
        assertThat(free.limit(Quantity.LLM_REQUESTS_PER_DAY)).isEqualTo(Limit.of(2));
        assertThat(free.allowsProvider("openai")).isTrue();
        assertThat(free.allowsProvider("anthropic")).isFalse();

        QuarkusTransaction.requiringNew().run(() -> Workspace.<Workspace>findById(workspace.id).plan = PlanId.PRO);
        Entitlements.WorkspaceEntitlements pro = QuarkusTransaction.requiringNew()
                .call(() -> entitlements.of(workspace.id).orElseThrow());
        assertThat(pro.may(Feature.CODE_EXECUTION)).isTrue();
        assertThat(pro.limit(Quantity.LLM_REQUESTS_PER_DAY)).isEqualTo(Limit.of(1_000));
        assertThat(pro.allowsProvider("anthropic")).isTrue();
        browser.get("/dashboard").then().statusCode(200);
        assertThat(browser.get("/billing").asString()).contains("Pro plan");

        assertThat(entitlements.of(UUID.randomUUID())).isEmpty();
    }

    private void assertLimits(
            PlanId id, long apiCalls, long llmRequests, long storage, long runs, long keys, long members, long days) {
        Plan plan = catalog.plan(id);
        assertThat(plan.limit(Quantity.API_CALLS_PER_DAY)).isEqualTo(Limit.of(apiCalls));
        assertThat(plan.limit(Quantity.LLM_REQUESTS_PER_DAY)).isEqualTo(Limit.of(llmRequests));
        assertThat(plan.limit(Quantity.STORAGE_BYTES)).isEqualTo(Limit.of(storage));
        assertThat(plan.limit(Quantity.CONCURRENT_RUNS)).isEqualTo(Limit.of(runs));
        assertThat(plan.limit(Quantity.API_KEYS)).isEqualTo(keys < 0 ? Limit.UNLIMITED : Limit.of(keys));
        assertThat(plan.limit(Quantity.TEAM_MEMBERS)).isEqualTo(Limit.of(members));
        assertThat(plan.limit(Quantity.LOG_RETENTION_DAYS)).isEqualTo(Limit.of(days));
    }
}
