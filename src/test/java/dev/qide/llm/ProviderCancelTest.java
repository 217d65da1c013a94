package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cancel closes the connection to the provider at any point, and the listener hears nothing more. */
class ProviderCancelTest {

    private static final FakeProviders fake = new FakeProviders();

    @BeforeEach
    void reset() {
        fake.server.reset();
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    private static LlmStream start(String provider, String model, RecordingListener listener) {
        return fake.clients.stream(FakeProviders.request(fake.endpoint(provider), model), listener);
    }

    private static void awaitRequest() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fake.server.requests().isEmpty()) {
            assertThat(System.nanoTime()).as("the request reached the fake").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void aCancelBeforeTheProviderAnswersClosesTheConnection() throws InterruptedException {
        fake.server.script("openai", FakeReply.silentBeforeHeaders());
        RecordingListener listener = new RecordingListener();
        LlmStream stream = start("openai", "gpt-4o", listener);
        awaitRequest();

        stream.cancel();

        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
        assertThat(listener.calls()).isZero();
    }

    @Test
    void aCancelBeforeTheFirstTokenClosesTheConnection() throws InterruptedException {
        fake.server.script(
                "anthropic", FakeReply.fixture("anthropic-messages-stream.sse").hangAfter(0));
        RecordingListener listener = new RecordingListener();
        LlmStream stream = start("anthropic", "claude-sonnet-4-20250514", listener);
        awaitRequest();

        stream.cancel();

        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
        assertThat(listener.calls()).isZero();
        assertThat(stream.estimatedUsage().outputTokens()).isZero();
    }

    @Test
    void aCancelMidStreamClosesTheConnectionAndNothingMoreArrives() throws InterruptedException {
        fake.server.script("google", FakeReply.text("word ".repeat(200), 100).delay(Duration.ofMillis(10)));
        RecordingListener listener = new RecordingListener();
        LlmStream stream = start("google", "gemini-2.5-flash", listener);
        listener.awaitTokens(3);

        stream.cancel();
        int callsAtCancel = listener.calls();

        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
        Thread.sleep(200); // several more events' worth of time: none may reach the listener
        assertThat(listener.calls()).isEqualTo(callsAtCancel).isLessThan(100);
        assertThat(listener.hasEnded()).isFalse();
        assertThat(stream.estimatedUsage().outputTokens()).isPositive();
        assertThat(stream.estimatedUsage().estimated()).isTrue();
    }

    @Test
    void aListenerMayCancelFromInsideItsOwnCallback() throws InterruptedException {
        fake.server.script(
                "cohere", FakeReply.text("one two three four five six", 6).delay(Duration.ofMillis(5)));
        RecordingListener tokens = new RecordingListener();
        LlmStream[] stream = new LlmStream[1];
        LlmStreamListener cancelling = new LlmStreamListener() {
            @Override
            public void onToken(String text) {
                tokens.onToken(text);
                stream[0].cancel();
            }

            @Override
            public void onComplete(LlmUsage usage, String finishReason) {
                tokens.onComplete(usage, finishReason);
            }

            @Override
            public void onFailure(LlmFailure failure) {
                tokens.onFailure(failure);
            }
        };
        synchronized (stream) {
            stream[0] = fake.clients.stream(
                    FakeProviders.request(fake.endpoint("cohere"), "command-r-08-2024"), cancelling);
        }

        assertThat(fake.server.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
        assertThat(tokens.tokens()).hasSize(1);
        assertThat(tokens.hasEnded()).isFalse();
    }

    @Test
    void aCancelAfterTheEndChangesNothing() throws InterruptedException {
        RecordingListener listener = new RecordingListener();
        LlmStream stream = start("openai", "gpt-4o", listener);
        listener.awaitCompletion();

        stream.cancel();

        assertThat(listener.text()).isEqualTo(FakeLlmServer.DEFAULT_TEXT);
        assertThat(fake.server.clientDisconnects()).isZero();
    }
}
