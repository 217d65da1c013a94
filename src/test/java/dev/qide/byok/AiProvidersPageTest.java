package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.AuditTrail;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class AiProvidersPageTest {

    private static final String KEY = "sk-proj-pagetest-abcdefghijklmnopQrSt";

    private FakeLlmServer upstream;
    private Browser owner;

    @BeforeEach
    void setUp() {
        upstream = FakeLlmResource.server();
        upstream.reset();
        owner = Browser.signedUp("Key Owner");
        owner.get("/settings/ai-providers");
    }

    @Test
    void aFormWithoutAProviderAsksForOneAndSavesNothing() {
        Response saved = save(owner, Map.of("apiKey", KEY));
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(422);
        assertThat(saved.asString()).contains("Choose a provider.").doesNotContain(KEY);
        Response empty = owner.postForm("/settings/ai-providers", Map.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(StoredProviderKeys.of(owner)).isEmpty();
    }

    @Test
    void aSavedKeyIsSealedAndOnlyEverShownMasked() {
        Response saved = save(owner, Map.of("provider", "openai", "apiKey", KEY, "model", "gpt-4o-mini"));
        assertThat(saved.statusCode()).isEqualTo(303);

        String page = owner.get("/settings/ai-providers").asString();
        assertThat(page).contains("sk-…QrSt").doesNotContain(KEY).doesNotContain("pagetest");
        String fragment = owner.htmx().get("/settings/ai-providers").asString();
        assertThat(fragment).contains("sk-…QrSt").doesNotContain("<html");
        ProviderKey stored = only(owner);
        assertThat(stored.sealedKey).doesNotContain("pagetest");
        assertThat(stored.kekVersion).isEqualTo(1);
        assertThat(stored.userId).isNotNull();
        assertThat(stored.defaultModel).isEqualTo("gpt-4o-mini");
        assertThat(actions(owner)).contains("provider_key.added");
    }

    @Test
    void savingAgainWithoutAKeyChangesTheModelAndKeepsTheKey() {
        save(owner, Map.of("provider", "openai", "apiKey", KEY, "model", "gpt-4o-mini"));
        String sealed = only(owner).sealedKey;

        save(owner, Map.of("provider", "openai", "apiKey", "", "model", "gpt-4o"));

        ProviderKey stored = only(owner);
        assertThat(stored.defaultModel).isEqualTo("gpt-4o");
        assertThat(stored.sealedKey).isEqualTo(sealed);
    }

    @Test
    void thePlanDecidesWhichProvidersAndEndpointsAKeyMayHave() {
        Response anthropic = save(owner, Map.of("provider", "anthropic", "apiKey", "sk-ant-abcdefghijkl", "model", ""));
        assertThat(anthropic.statusCode()).isEqualTo(422);
        assertThat(anthropic.asString())
                .contains("The Free plan allows keys for OpenAI. Upgrade to use Anthropic.")
                .doesNotContain("sk-ant-abcdefghijkl");

        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO);
        owner.get("/settings/ai-providers");
        Response custom = save(
                owner,
                Map.of(
                        "provider",
                        "custom",
                        "apiKey",
                        "anything-goes-here",
                        "model",
                        "llama3.2",
                        "baseUrl",
                        "http://127.0.0.1:1/v1"));
        assertThat(custom.statusCode()).isEqualTo(422);

        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO_PLUS);
        owner.get("/settings/ai-providers");
        Response allowed = save(
                owner,
                Map.of(
                        "provider",
                        "custom",
                        "apiKey",
                        "anything-goes-here",
                        "model",
                        "llama3.2",
                        "baseUrl",
                        upstream.baseUrl("custom")));
        assertThat(allowed.statusCode()).as(allowed.asString()).isEqualTo(303);
        Response noModel = save(owner, Map.of("provider", "openai", "apiKey", KEY, "model", "gpt-imaginary"));
        assertThat(noModel.statusCode()).isEqualTo(422);
        assertThat(noModel.asString()).contains("Choose one of OpenAI");
    }

    @Test
    void testConnectionSaysWhetherTheKeyWorksAndIsAudited() {
        save(owner, Map.of("provider", "openai", "apiKey", KEY, "model", "gpt-4o-mini"));
        UUID id = only(owner).id;

        String ok = owner.htmxPostForm("/settings/ai-providers/" + id + "/test", Map.of())
                .asString();
        upstream.enqueue("openai", FakeReply.error(401, "openai-error-401-invalid-api-key.json"));
        String bad = owner.htmxPostForm("/settings/ai-providers/" + id + "/test", Map.of())
                .asString();

        assertThat(ok).contains("Connected");
        assertThat(bad).contains("refused the key").doesNotContain(KEY);
        assertThat(upstream.lastRequest("openai").header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(actions(owner)).filteredOn("provider_key.decrypted"::equals).hasSize(2);
    }

    @Test
    void someoneElsesKeyAnswers404AndRemovingYourOwnWorks() {
        save(owner, Map.of("provider", "openai", "apiKey", KEY, "model", "gpt-4o-mini"));
        UUID id = only(owner).id;
        Browser stranger = Browser.signedUp("Stranger");
        stranger.get("/settings/ai-providers");

        stranger.postForm("/settings/ai-providers/" + id + "/test", Map.of())
                .then()
                .statusCode(404);
        stranger.postForm("/settings/ai-providers/" + id + "/delete", Map.of())
                .then()
                .statusCode(404);
        owner.postForm("/settings/ai-providers/" + id + "/delete", Map.of())
                .then()
                .statusCode(303);

        assertThat(QuarkusTransaction.requiringNew().call(() -> ProviderKey.count("id", id)))
                .isZero();
    }

    private static Response save(Browser browser, Map<String, String> fields) {
        return browser.postForm("/settings/ai-providers", fields);
    }

    private static ProviderKey only(Browser browser) {
        List<ProviderKey> keys = StoredProviderKeys.of(browser);
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private static List<String> actions(Browser browser) {
        return AuditTrail.actionsOf(browser.workspaceId());
    }
}
