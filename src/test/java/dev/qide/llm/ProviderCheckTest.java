package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.llm.LlmFailure.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ProviderClients#check}: a one-token call that tells a working key from the ways it can fail. */
class ProviderCheckTest {

    private static final FakeProviders fake = new FakeProviders(Duration.ofSeconds(10), Duration.ofSeconds(1));

    @BeforeEach
    void reset() {
        fake.server.reset();
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    @Test
    void aWorkingKeyPassesWithAOneTokenRequest() {
        assertThatCode(() -> fake.clients.check(fake.endpoint("openai"), "gpt-4o-mini"))
                .doesNotThrowAnyException();
        assertThatCode(() -> fake.clients.check(fake.endpoint("anthropic"), "claude-3-5-haiku-latest"))
                .doesNotThrowAnyException();

        assertThat(fake.server
                        .lastRequest("openai")
                        .json()
                        .path("max_completion_tokens")
                        .asInt())
                .isEqualTo(1);
        assertThat(fake.server
                        .lastRequest("anthropic")
                        .json()
                        .path("max_tokens")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void eachProviderCanBeChecked() {
        for (String provider : FakeLlmServer.PROVIDERS) {
            assertThatCode(() -> fake.clients.check(fake.endpoint(provider), "any-model"))
                    .as(provider)
                    .doesNotThrowAnyException();
        }
        assertThat(fake.server.requests()).hasSize(FakeLlmServer.PROVIDERS.size());
    }

    @Test
    void aBadKeyIsReported() {
        fake.server.script("openai", FakeReply.error(401, "openai-error-401-invalid-api-key.json"));
        fake.server.script("google", FakeReply.error(400, "gemini-error-400-api-key-invalid.json"));

        assertThatThrownBy(() -> fake.clients.check(fake.endpoint("openai"), "gpt-4o-mini"))
                .isInstanceOfSatisfying(
                        LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.BAD_KEY));
        assertThatThrownBy(() -> fake.clients.check(fake.endpoint("google"), "gemini-2.5-flash"))
                .isInstanceOfSatisfying(
                        LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.BAD_KEY));
    }

    @Test
    void noCreditIsReported() {
        fake.server.script("openai", FakeReply.error(429, "openai-error-429-insufficient-quota.json"));

        assertThatThrownBy(() -> fake.clients.check(fake.endpoint("openai"), "gpt-4o-mini"))
                .isInstanceOfSatisfying(
                        LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.NO_CREDIT));
    }

    @Test
    void aModelTheKeyCannotUseIsReported() {
        fake.server.script(
                "anthropic",
                FakeReply.errorJson(
                        404,
                        "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"model: claude-9\"}}"));

        assertThatThrownBy(() -> fake.clients.check(fake.endpoint("anthropic"), "claude-9"))
                .isInstanceOfSatisfying(
                        LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.MODEL_NOT_AVAILABLE));
    }

    @Test
    void anUnreachableEndpointIsReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ProviderEndpoint nowhere = new ProviderEndpoint("custom", "http://127.0.0.1:" + closedPort + "/v1", "");

        assertThatThrownBy(() -> fake.clients.check(nowhere, "llama3.2"))
                .isInstanceOfSatisfying(
                        LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.UNREACHABLE));
    }

    @Test
    void aProviderThatDoesNotAnswerWithinTheCapTimesOutAndIsDisconnected() throws InterruptedException {
        fake.server.script("openai", FakeReply.silentBeforeHeaders());

        assertThatThrownBy(() -> fake.clients.check(fake.endpoint("openai"), "gpt-4o-mini"))
                .isInstanceOfSatisfying(
                        LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.TIMEOUT));
        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
    }
}
