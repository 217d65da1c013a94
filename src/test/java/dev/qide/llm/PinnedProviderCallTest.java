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

/**
 * Calls to an endpoint that comes with its checked address connect to that address and never resolve the name (here
 * one that cannot resolve), which still goes in the Host header; and they stream, fail, time out and cancel as the
 * unpinned calls do.
 */
class PinnedProviderCallTest {

    /** Longer than the unpinned tests': Vert.x loads its HTTP client on the first calls, on a busy machine. */
    private static final Duration IDLE = Duration.ofSeconds(2);

    private static final FakeProviders fake = FakeProviders.pinned(IDLE, Duration.ofSeconds(5));

    @BeforeEach
    void reset() {
        fake.server.reset();
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    @Test
    void everyWireFormatReachesThePinnedAddressWithTheNameAsHost() throws InterruptedException {
        for (String[] call : new String[][] {
            {"custom", "llama3.2"},
            {"anthropic", "claude-sonnet-4-20250514"},
            {"google", "gemini-2.5-flash"},
            {"cohere", "command-r-08-2024"}
        }) {
            RecordingListener reply = fake.stream(call[0], call[1]).awaitCompletion();

            assertThat(reply.text()).as(call[0]).isEqualTo(FakeLlmServer.DEFAULT_TEXT);
            RecordedRequest request = fake.server.lastRequest(call[0]);
            assertThat(request.header("Host"))
                    .as(call[0])
                    .isEqualTo(FakeProviders.PINNED_HOST + ":" + fake.server.port());
            assertThat(request.path()).as(call[0]).startsWith("/" + call[0] + "/");
        }
    }

    @Test
    void anIpv6LiteralHostIsSentInBrackets() throws InterruptedException {
        String literal = "[::ffff:127.0.0.1]";
        RecordingListener listener = new RecordingListener();
        fake.clients.stream(
                FakeProviders.request(
                        new ProviderEndpoint(
                                "custom",
                                "http://" + literal + ":" + fake.server.port() + "/custom/v1",
                                "k",
                                InetAddress.getLoopbackAddress()),
                        "llama3.2"),
                listener);

        assertThat(listener.awaitCompletion().text()).isEqualTo(FakeLlmServer.DEFAULT_TEXT);
        assertThat(fake.server.lastRequest("custom").header("Host")).isEqualTo(literal + ":" + fake.server.port());
    }

    @Test
    void theRecordedOpenAiStreamArrivesWhole() throws InterruptedException {
        fake.server.script("openai", FakeReply.fixture("openai-chat-stream.sse"));

        RecordingListener reply = fake.stream("openai", "gpt-4o").awaitCompletion();

        assertThat(reply.text()).startsWith("I'm unable to provide real-time weather updates.");
        assertThat(reply.usage()).isEqualTo(new LlmUsage(14, 30, false));
        assertThat(fake.server.lastRequest("openai").header("Authorization"))
                .isEqualTo("Bearer " + FakeProviders.keyOf("openai"));
    }

    @Test
    void aRefusedKeyIsABadKey() throws InterruptedException {
        fake.server.script("openai", FakeReply.error(401, "openai-error-401-invalid-api-key.json"));

        LlmFailure failure = fake.stream("openai", "gpt-4o").awaitFailure();

        assertThat(failure.kind()).isEqualTo(Kind.BAD_KEY);
        assertThat(failure.getMessage()).doesNotContain(FakeProviders.keyOf("openai"));
    }

    @Test
    void aRefusedConnectionIsUnreachableAndNamesTheHost() throws InterruptedException, IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RecordingListener listener = new RecordingListener();
        fake.clients.stream(
                FakeProviders.request(
                        new ProviderEndpoint(
                                "custom",
                                "http://" + FakeProviders.PINNED_HOST + ":" + closedPort + "/v1",
                                "k",
                                InetAddress.getLoopbackAddress()),
                        "llama3.2"),
                listener);

        LlmFailure failure = listener.awaitFailure();

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.getMessage()).contains(FakeProviders.PINNED_HOST + ":" + closedPort);
    }

    @Test
    void aProviderThatNeverSendsHeadersTimesOutAndIsDisconnected() throws InterruptedException {
        fake.server.script("anthropic", FakeReply.silentBeforeHeaders());

        LlmFailure failure =
                fake.stream("anthropic", "claude-sonnet-4-20250514").awaitFailure();

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("did not start answering");
        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
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
    void aConnectionCutMidStreamIsUnreachable() throws InterruptedException {
        fake.server.script(
                "openai",
                FakeReply.fixture("openai-chat-stream.sse")
                        .delay(Duration.ofMillis(20))
                        .cutAfter(6));

        LlmFailure failure = fake.stream("openai", "gpt-4o").awaitFailure();

        assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.getMessage()).contains("broke");
    }

    @Test
    void aCancelMidStreamClosesTheConnectionAndNothingMoreArrives() throws InterruptedException {
        fake.server.script("google", FakeReply.text("word ".repeat(200), 100).delay(Duration.ofMillis(10)));
        RecordingListener listener = new RecordingListener();
        LlmStream stream =
                fake.clients.stream(FakeProviders.request(fake.endpoint("google"), "gemini-2.5-flash"), listener);
        listener.awaitTokens(3);

        stream.cancel();
        int callsAtCancel = listener.calls();

        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
        Thread.sleep(200);
        assertThat(listener.calls()).isEqualTo(callsAtCancel).isLessThan(100);
        assertThat(listener.hasEnded()).isFalse();
    }

    @Test
    void aServerRefusingStreamOptionsIsAskedAgainWithoutThem() throws InterruptedException {
        fake.server.enqueue(
                "custom",
                FakeReply.errorJson(
                        400,
                        "{\"error\":{\"message\":\"Unrecognized request argument supplied: stream_options\","
                                + "\"type\":\"invalid_request_error\"}}"));
        fake.server.script("custom", FakeReply.text("It works.", 3));

        RecordingListener reply = fake.stream("custom", "llama3.2").awaitCompletion();

        assertThat(reply.text()).isEqualTo("It works.");
        assertThat(fake.server.requests()).hasSize(2);
        assertThat(fake.server.requests().get(1).json().has("stream_options")).isFalse();
    }

    @Test
    void theConnectionCheckUsesThePinnedAddressToo() {
        fake.server.script("custom", FakeReply.text("OK", 1));

        fake.clients.check(fake.endpoint("custom"), "llama3.2");

        assertThat(fake.server.lastRequest("custom").header("Host")).startsWith(FakeProviders.PINNED_HOST + ":");
    }

    @Test
    void withoutItsAddressTheSameEndpointCannotBeReached() throws InterruptedException {
        ProviderEndpoint pinned = fake.endpoint("custom");
        RecordingListener listener = new RecordingListener();
        fake.clients.stream(
                FakeProviders.request(
                        new ProviderEndpoint(pinned.providerId(), pinned.baseUrl(), pinned.apiKey()), "llama3.2"),
                listener);

        assertThat(listener.awaitFailure().kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(fake.server.requests()).isEmpty();
    }
}
