package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BYOK settings API, /api/settings/llm-config: masked keys out, keys in, browser sessions only. */
@QuarkusTest
class LlmConfigApiTest {

    private static final String OPENAI_KEY = "sk-proj-llmconfig-SECRET-0123456789WXYZ";
    private static final String ANTHROPIC_KEY = "sk-ant-llmconfig-SECRET-0123456789abcd";

    private Browser alice;

    @BeforeEach
    void setUp() {
        alice = Browser.signedUp("Alice Llm Config");
        Workspaces.setPlan(alice.workspaceId(), PlanId.PRO);
        alice.get("/settings");
    }

    @Test
    void savedKeysAreListedMaskedAndNeverReturned() {
        Response saved = put(Map.of("provider", "openai", "api_key", OPENAI_KEY, "model", "gpt-4o-mini"));
        saved.then()
                .statusCode(200)
                .body("provider", equalTo("openai"))
                .body("owner", equalTo("personal"))
                .body("model", equalTo("gpt-4o-mini"))
                .body("masked_key", equalTo("sk-…WXYZ"));
        put(Map.of("provider", "anthropic", "api_key", ANTHROPIC_KEY, "owner", "workspace"))
                .then()
                .statusCode(200)
                .body("owner", equalTo("workspace"))
                .body("model", equalTo("claude-sonnet-4-20250514"));
        alice.get("/settings/ai-providers");
        alice.postForm("/settings/ai-providers/fallback", Map.of("fallback", "openai"));

        Response listed = alice.api().get("/api/settings/llm-config");

        listed.then().statusCode(200);
        JsonPath json = listed.jsonPath();
        assertThat(json.getList("providers.provider")).containsExactly("openai", "anthropic");
        assertThat(json.getList("providers.owner")).containsExactly("personal", "workspace");
        assertThat(json.getList("providers.masked_key")).containsExactly("sk-…WXYZ", "sk-…abcd");
        assertThat(json.getList("fallback_order")).containsExactly("openai");
        for (Response response : new Response[] {saved, listed}) {
            assertThat(response.asString())
                    .doesNotContain(OPENAI_KEY)
                    .doesNotContain(ANTHROPIC_KEY)
                    .doesNotContain("SECRET");
        }

        // Changing the model without the key keeps the stored key.
        put(Map.of("provider", "openai", "model", "gpt-4o"))
                .then()
                .statusCode(200)
                .body("model", equalTo("gpt-4o"))
                .body("masked_key", equalTo("sk-…WXYZ"));
    }

    @Test
    void whatCannotBeSavedIs422WithTheReason() {
        put(Map.of("provider", "nope", "api_key", OPENAI_KEY))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("Choose a provider."));
        put(Map.of("provider", "openai"))
                .then()
                .statusCode(422)
                .body("detail", containsString("Enter the key from your OpenAI account"));
        put(Map.of("provider", "openai", "api_key", "has spaces in it"))
                .then()
                .statusCode(422)
                .body("detail", containsString("one line without spaces"));
        put(Map.of("provider", "openai", "api_key", OPENAI_KEY, "model", "no-such-model"))
                .then()
                .statusCode(422)
                .body("detail", containsString("Choose one of OpenAI's models"));
        put(Map.of("provider", "openai", "api_key", OPENAI_KEY, "owner", "someone"))
                .then()
                .statusCode(422)
                .body("detail", containsString("personal or workspace"));
        put(Map.of("provider", "openai", "api_key", OPENAI_KEY, "base_url", "https://llm.example.com/v1"))
                .then()
                .statusCode(422)
                .body("detail", containsString("Custom endpoints need a plan"));
        Workspaces.setPlan(alice.workspaceId(), PlanId.FREE);
        put(Map.of("provider", "anthropic", "api_key", ANTHROPIC_KEY))
                .then()
                .statusCode(422)
                .body("detail", containsString("The Free plan allows keys for OpenAI"));
        alice.api().put("/api/settings/llm-config").then().statusCode(422);

        alice.api().get("/api/settings/llm-config").then().statusCode(200).body("providers.size()", equalTo(0));
    }

    @Test
    void apiKeysAndAnonymousCallersCannotUseIt() {
        String key = ApiKeys.create(alice, "all-scopes", "chat", "projects:write", "runs", "billing:read");

        ApiKeys.bearer(key)
                .get("/api/settings/llm-config")
                .then()
                .statusCode(403)
                .body("detail", containsString("API keys cannot be used"));
        ApiKeys.bearer(key)
                .body(Map.of("provider", "openai", "api_key", OPENAI_KEY))
                .put("/api/settings/llm-config")
                .then()
                .statusCode(403);
        io.restassured.RestAssured.given()
                .accept("application/json")
                .get("/api/settings/llm-config")
                .then()
                .statusCode(401);
    }

    private Response put(Map<String, String> body) {
        return alice.api().body(new HashMap<>(body)).put("/api/settings/llm-config");
    }
}
