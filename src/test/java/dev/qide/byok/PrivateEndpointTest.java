package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A hosted server (private endpoints not allowed): custom endpoints into its own network are refused, also later. */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
@TestProfile(PrivateEndpointTest.Hosted.class)
class PrivateEndpointTest {

    public static class Hosted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qide.byok.allow-private-endpoints", "false");
        }
    }

    @Inject
    KeyCipher cipher;

    @Test
    void aCustomEndpointOnALocalAddressIsRefusedWhenSavedAndWhenUsed() {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();
        Browser owner = Browser.signedUp("Hosted Owner");
        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO_PLUS);
        owner.get("/settings/ai-providers");

        var refused = owner.postForm(
                "/settings/ai-providers",
                Map.of(
                        "provider",
                        "custom",
                        "apiKey",
                        "local-key-123",
                        "model",
                        "llama3.2",
                        "baseUrl",
                        upstream.baseUrl("custom")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("may not call private or local addresses");

        // A key saved while its name pointed elsewhere (here: written directly), used now that it points inside.
        UUID userId =
                UUID.fromString(owner.api().get("/api/auth/me").then().extract().path("user.id"));
        UUID keyId = UUID.randomUUID();
        KeyCipher.Sealed sealed = cipher.seal("local-key-123", keyId);
        StoredProviderKeys.insert(keyId, userId, "custom", upstream.baseUrl("custom"), "llama3.2", sealed);

        String answer = owner.htmxPostForm("/settings/ai-providers/" + keyId + "/test", Map.of())
                .asString();

        assertThat(answer).contains("resolves to a private or local address");
        assertThat(upstream.requests()).isEmpty();
    }
}
