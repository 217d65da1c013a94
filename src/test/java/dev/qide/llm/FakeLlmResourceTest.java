package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In the application, {@link FakeLlmResource} points the catalog at the fake and the injected client reaches it. */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class FakeLlmResourceTest {

    @Inject
    LlmClient client;

    @Inject
    LlmCatalog catalog;

    @BeforeEach
    void reset() {
        FakeLlmResource.server().reset();
    }

    @Test
    void everyProvidersBaseUrlIsTheFakesAndTheInjectedClientStreamsFromIt() throws InterruptedException {
        FakeLlmResource.server().script("anthropic", FakeReply.text("Scripted in a Quarkus test.", 4));
        String baseUrl = catalog.provider("anthropic").orElseThrow().baseUrl().orElseThrow();
        RecordingListener listener = new RecordingListener();

        client.stream(
                new LlmRequest(
                        new ProviderEndpoint("anthropic", baseUrl, "sk-ant-test"),
                        "claude-3-5-haiku-latest",
                        List.of(new ChatTurn(ChatRole.USER, "Hi")),
                        100),
                listener);

        assertThat(listener.awaitCompletion().text()).isEqualTo("Scripted in a Quarkus test.");
        assertThat(FakeLlmResource.server().lastRequest("anthropic").header("x-api-key"))
                .isEqualTo("sk-ant-test");
        for (String provider : FakeLlmServer.PROVIDERS) {
            assertThat(catalog.provider(provider).orElseThrow().baseUrl())
                    .contains(FakeLlmResource.server().baseUrl(provider));
        }
    }
}
