package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.llm.LlmFailure.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a provider call fails, from recorded error bodies and broken streams, as a safe {@link LlmFailure}. */
class ProviderFailureTest {

    private static final Duration IDLE = Duration.ofMillis(400);
    private static final FakeProviders fake = new FakeProviders(IDLE, Duration.ofSeconds(5));

    @BeforeEach
    void reset() {
        fake.server.reset();
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    private static LlmFailure failureOf(String provider, String model) throws InterruptedException {
        LlmFailure failure = fake.stream(provider, model).awaitFailure();
        assertThat(failure.getMessage())
                .as("never the key")
                .doesNotContain(FakeProviders.keyOf(provider))
                .doesNotContain("0123456789");
        return failure;
    }

    @Test
    void openAiRefusingTheKeyIsABadKeyWithoutTheMaskedKeyItQuoted() throws InterruptedException {
        fake.server.script("openai", FakeReply.error(401, "openai-error-401-invalid-api-key.json"));

        LlmFailure failure = failureOf("openai", "gpt-4o");

        assertThat(failure.kind()).isEqualTo(Kind.BAD_KEY);
        assertThat(failure.getMessage())
                .startsWith("The provider refused the key")
                .doesNotContain("sk-VKMIs");
        assertThat(failure.kind().isTransient()).isFalse();
    }

    @Test
    void openAiRateLimitIsRateLimited() throws InterruptedException {
        fake.server.script("openai", FakeReply.error(429, "openai-error-429-rate-limit.json"));

        assertThat(failureOf("openai", "gpt-4o").kind()).isEqualTo(Kind.RATE_LIMITED);
    }

    @Test
    void aRateLimitCarriesTheProvidersRetryAfter() throws InterruptedException {
        fake.server.script(
                "openai",
                FakeReply.error(429, "openai-error-429-rate-limit.json").header("Retry-After", "7"));

        LlmFailure failure = failureOf("openai", "gpt-4o");

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void openAiInsufficientQuotaIsNoCreditThoughItIsAlso429() throws InterruptedException {
        fake.server.script("openai", FakeReply.error(429, "openai-error-429-insufficient-quota.json"));

        LlmFailure failure = failureOf("openai", "gpt-4o");

        assertThat(failure.kind()).isEqualTo(Kind.NO_CREDIT);
        assertThat(failure.kind().isTransient()).isFalse();
    }

    @Test
    void anUnknownModelIsNotAvailable() throws InterruptedException {
        // the documented OpenAI error shape with its model_not_found code (not a recording)
        fake.server.script(
                "openai",
                FakeReply.errorJson(
                        404,
                        "{\"error\":{\"message\":\"The model `gpt-9` does not exist or you do not have access to it.\","
                                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}"));

        LlmFailure failure = failureOf("openai", "gpt-9");

        assertThat(failure.kind()).isEqualTo(Kind.MODEL_NOT_AVAILABLE);
        assertThat(failure.getMessage()).contains("gpt-9");
    }

    @Test
    void aTooLongConversationIsContextTooLong() throws InterruptedException {
        // the documented error shapes (not recordings): OpenAI's code, Anthropic's message
        fake.server.script(
                "openai",
                FakeReply.errorJson(
                        400,
                        "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens.\","
                                + "\"type\":\"invalid_request_error\",\"param\":\"messages\","
                                + "\"code\":\"context_length_exceeded\"}}"));
        fake.server.script(
                "anthropic",
                FakeReply.errorJson(
                        400,
                        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}"));

        assertThat(failureOf("openai", "gpt-4o").kind()).isEqualTo(Kind.CONTEXT_TOO_LONG);
        assertThat(failureOf("anthropic", "claude-sonnet-4-20250514").kind()).isEqualTo(Kind.CONTEXT_TOO_LONG);
    }

    @Test
    void anotherRefusedRequestIsABadRequestWithAShortExcerpt() throws InterruptedException {
        fake.server.script(
                "openai",
                FakeReply.errorJson(
                        400,
                        "{\"error\":{\"message\":\"Invalid value for 'temperature'.\",\"type\":\"invalid_request_error\"}}"));

        LlmFailure failure = failureOf("openai", "gpt-4o");

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).contains("HTTP 400").contains("Invalid value for 'temperature'.");
    }

    @Test
    void anthropicRefusingTheKeyIsABadKey() throws InterruptedException {
        fake.server.script("anthropic", FakeReply.error(401, "anthropic-error-401.json"));

        assertThat(failureOf("anthropic", "claude-sonnet-4-20250514").kind()).isEqualTo(Kind.BAD_KEY);
    }

    @Test
    void anthropicOverloadedAsHttp529IsOverloaded() throws InterruptedException {
        fake.server.script(
                "anthropic",
                FakeReply.errorJson(
                        529,
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));

        LlmFailure failure = failureOf("anthropic", "claude-sonnet-4-20250514");

        assertThat(failure.kind()).isEqualTo(Kind.OVERLOADED);
        assertThat(failure.kind().isTransient()).isTrue();
    }

    @Test
    void anthropicOverloadedMidStreamFailsAfterTheFirstTokens() throws InterruptedException {
        // the recorded transcript up to its first text delta, then the recorded error event
        fake.server.script(
                "anthropic",
                FakeReply.fixture("anthropic-messages-stream.sse")
                        .endAfter(4)
                        .then(FakeReply.fixture("anthropic-messages-stream-error-overloaded.sse")));

        RecordingListener reply = fake.stream("anthropic", "claude-sonnet-4-20250514");
        LlmFailure failure = reply.awaitFailure();

        assertThat(reply.text()).isEqualTo("Hello");
        assertThat(failure.kind()).isEqualTo(Kind.OVERLOADED);
        assertThat(failure.getMessage()).contains("Anthropic");
    }

    @Test
    void anErrorEventAfterHttp200FailsTheReplyInsteadOfCompletingIt() throws InterruptedException {
        // derived transcript (SOURCES.md): recorded chunks, then an in-band error as OpenRouter documents it
        fake.server.script("openrouter", FakeReply.fixture("derived-openai-chat-stream-inband-error.sse"));

        RecordingListener reply = fake.stream("openrouter", "openai/gpt-4o-mini");
        LlmFailure failure = reply.awaitFailure();

        assertThat(reply.text()).isEqualTo("I'm unable to");
        assertThat(failure.kind()).isEqualTo(Kind.OVERLOADED);
    }

    @Test
    void geminiAnswersABadKeyWith400AndThatIsABadKeyWithoutTheKeyItEchoes() throws InterruptedException {
        fake.server.script("google", FakeReply.error(400, "gemini-error-400-api-key-invalid.json"));
        RecordingListener listener = new RecordingListener();
        // the recorded body echoes the key it was sent: "Invalid API key: key1234"
        fake.clients.stream(
                FakeProviders.request(
                        new ProviderEndpoint("google", fake.server.baseUrl("google"), "key1234"), "gemini-2.5-flash"),
                listener);

        LlmFailure failure = listener.awaitFailure();

        assertThat(failure.kind()).isEqualTo(Kind.BAD_KEY);
        assertThat(failure.getMessage()).doesNotContain("key1234");
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws InterruptedException, IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RecordingListener listener = new RecordingListener();
        fake.clients.stream(
                FakeProviders.request(
                        new ProviderEndpoint("custom", "http://127.0.0.1:" + closedPort + "/v1", "k"), "llama3.2"),
                listener);

        LlmFailure failure = listener.awaitFailure();

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.getMessage()).contains("127.0.0.1:" + closedPort).contains("refused");
    }

    @Test
    void aStreamThatGoesSilentMidWayTimesOutAndIsClosed() throws InterruptedException {
        fake.server.script("openai", FakeReply.fixture("openai-chat-stream.sse").hangAfter(5));

        RecordingListener reply = fake.stream("openai", "gpt-4o");
        LlmFailure failure = reply.awaitFailure();

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("sent nothing");
        assertThat(reply.tokens()).hasSize(4);
        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aProviderThatNeverSendsHeadersTimesOut() throws InterruptedException {
        fake.server.script("anthropic", FakeReply.silentBeforeHeaders());

        LlmFailure failure = failureOf("anthropic", "claude-sonnet-4-20250514");

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("did not start answering");
        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aConnectionCutMidStreamIsUnreachableAndNeverCompletes() throws InterruptedException {
        fake.server.script(
                "openai",
                FakeReply.fixture("openai-chat-stream.sse")
                        .delay(Duration.ofMillis(20))
                        .cutAfter(6));

        RecordingListener reply = fake.stream("openai", "gpt-4o");
        LlmFailure failure = reply.awaitFailure();

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.getMessage()).contains("broke");
        // The JDK drops bytes it received but the reader had not taken yet when the connection breaks.
        assertThat(reply.tokens()).hasSizeBetween(1, 5);
        assertThat("I'm unable to provide real-time weather").startsWith(reply.text());
    }

    @Test
    void aStreamEndingWithoutItsEndMarkerIsAProviderErrorInEveryWireFormat() throws InterruptedException {
        fake.server.script("openai", FakeReply.fixture("openai-chat-stream.sse").endAfter(10));
        fake.server.script(
                "anthropic", FakeReply.fixture("anthropic-messages-stream.sse").endAfter(7));
        fake.server.script("google", FakeReply.fixture("gemini-stream.sse").endAfter(2));

        for (String[] call : new String[][] {
            {"openai", "gpt-4o"},
            {"anthropic", "claude-sonnet-4-20250514"},
            {"google", "gemini-2.5-flash"}
        }) {
            RecordingListener reply = fake.stream(call[0], call[1]);
            LlmFailure failure = reply.awaitFailure();
            assertThat(failure.kind()).as(call[0]).isEqualTo(Kind.PROVIDER_ERROR);
            assertThat(failure.getMessage()).as(call[0]).contains("before it was complete");
            assertThat(reply.tokens()).as(call[0]).isNotEmpty();
        }
    }

    @Test
    void aServerRefusingStreamOptionsIsAskedAgainWithoutThemAndRemembered() throws InterruptedException {
        // the shape of an OpenAI-compatible server's refusal (not a recording)
        fake.server.enqueue(
                "custom",
                FakeReply.errorJson(
                        400,
                        "{\"error\":{\"message\":\"Unrecognized request argument supplied: stream_options\","
                                + "\"type\":\"invalid_request_error\"}}"));
        fake.server.script("custom", FakeReply.text("It works.", 3));

        RecordingListener first = fake.stream("custom", "llama3.2").awaitCompletion();
        RecordingListener second = fake.stream("custom", "llama3.2").awaitCompletion();

        assertThat(first.text()).isEqualTo("It works.");
        assertThat(second.text()).isEqualTo("It works.");
        assertThat(fake.server.requests()).hasSize(3);
        assertThat(fake.server.requests().get(0).json().has("stream_options")).isTrue();
        assertThat(fake.server.requests().get(1).json().has("stream_options")).isFalse();
        assertThat(fake.server.requests().get(2).json().has("stream_options")).isFalse();
    }

    @Test
    void anUnknownProviderFailsAsABadRequest() throws InterruptedException {
        RecordingListener listener = new RecordingListener();
        fake.clients.stream(
                FakeProviders.request(new ProviderEndpoint("nope", "http://127.0.0.1:1/v1", "k"), "m"), listener);

        assertThat(listener.awaitFailure().kind()).isEqualTo(Kind.BAD_REQUEST);
    }
}
