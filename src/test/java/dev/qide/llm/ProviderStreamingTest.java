package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replies streamed from recorded provider transcripts and from generated ones: text, usage, finish reason, request. */
class ProviderStreamingTest {

    private static final String OPENAI_TEXT = "I'm unable to provide real-time weather updates. To get the current"
            + " weather in San Francisco, I recommend checking a reliable weather website or a weather app.";

    private static final FakeProviders fake = new FakeProviders();

    @BeforeEach
    void reset() {
        fake.server.reset();
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    @Test
    void openAiStreamsTheRecordedTextWithItsUsageAndFinishReason() throws InterruptedException {
        fake.server.script("openai", FakeReply.fixture("openai-chat-stream.sse"));

        RecordingListener reply = fake.stream("openai", "gpt-4o").awaitCompletion();

        assertThat(reply.text()).isEqualTo(OPENAI_TEXT);
        assertThat(reply.tokens()).hasSizeGreaterThan(20);
        assertThat(reply.usage()).isEqualTo(new LlmUsage(14, 30, false));
        assertThat(reply.finishReason()).isEqualTo("stop");
        RecordedRequest request = fake.server.lastRequest("openai");
        assertThat(request.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + FakeProviders.keyOf("openai"));
        assertThat(request.json().path("model").asText()).isEqualTo("gpt-4o");
        assertThat(request.json().path("stream").asBoolean()).isTrue();
        assertThat(request.json().path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(request.json().path("max_completion_tokens").asInt()).isEqualTo(256);
        assertThat(request.json().path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(request.json().path("messages").get(1).path("content").asText())
                .isEqualTo("What is the weather in San Francisco?");
    }

    @Test
    void aFinishForLengthIsReportedAsLength() throws InterruptedException {
        fake.server.script("openai", FakeReply.fixture("openai-chat-stream-finish-length.sse"));

        RecordingListener reply = fake.stream("openai", "gpt-4o").awaitCompletion();

        assertThat(reply.text()).isEqualTo("{\"");
        assertThat(reply.finishReason()).isEqualTo("length");
        assertThat(reply.usage()).isEqualTo(new LlmUsage(79, 1, false));
    }

    @Test
    void anthropicStreamsTheRecordedTextEvenThoughTheTranscriptLacksItsFinalBlankLine() throws InterruptedException {
        assertThat(FakeReply.read("anthropic-messages-stream.sse")).doesNotEndWith("\n\n");
        fake.server.script("anthropic", FakeReply.fixture("anthropic-messages-stream.sse"));

        RecordingListener reply =
                fake.stream("anthropic", "claude-sonnet-4-20250514").awaitCompletion();

        assertThat(reply.text()).isEqualTo("Hello there!");
        assertThat(reply.usage()).isEqualTo(new LlmUsage(11, 6, false));
        assertThat(reply.finishReason()).isEqualTo("stop");
        RecordedRequest request = fake.server.lastRequest("anthropic");
        assertThat(request.path()).isEqualTo("/anthropic/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(FakeProviders.keyOf("anthropic"));
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.json().path("max_tokens").asInt()).isEqualTo(256);
        assertThat(request.json().path("system").toString()).contains("You are a helpful assistant.");
    }

    @Test
    void geminiStreamsTheRecordedTextWithTheLastChunksUsage() throws InterruptedException {
        fake.server.script("google", FakeReply.fixture("gemini-stream.sse"));

        RecordingListener reply = fake.stream("google", "gemini-2.5-flash").awaitCompletion();

        assertThat(reply.text()).isEqualTo("The capital of Wyoming is **Cheyenne**.\n");
        assertThat(reply.usage()).isEqualTo(new LlmUsage(7, 10, false));
        assertThat(reply.finishReason()).isEqualTo("stop");
        RecordedRequest request = fake.server.lastRequest("google");
        assertThat(request.path()).isEqualTo("/google/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
        assertThat(request.header("x-goog-api-key")).isEqualTo(FakeProviders.keyOf("google"));
    }

    @Test
    void cohereIsAskedThroughItsOpenAiCompatibilityApiWithUsageInTheStream() throws InterruptedException {
        fake.server.script("cohere", FakeReply.fixture("openai-chat-stream.sse"));

        RecordingListener reply = fake.stream("cohere", "command-r-08-2024").awaitCompletion();

        assertThat(reply.text()).isEqualTo(OPENAI_TEXT);
        assertThat(reply.usage()).isEqualTo(new LlmUsage(14, 30, false));
        assertThat(reply.finishReason()).isEqualTo("stop");
        RecordedRequest request = fake.server.lastRequest("cohere");
        assertThat(request.path()).isEqualTo("/cohere/compatibility/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + FakeProviders.keyOf("cohere"));
        assertThat(request.json().path("model").asText()).isEqualTo("command-r-08-2024");
        assertThat(request.json().path("stream").asBoolean()).isTrue();
        assertThat(request.json().path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        // max_tokens is on Cohere's list of supported parameters since the compatibility API began.
        assertThat(request.json().path("max_tokens").asInt()).isEqualTo(256);
        assertThat(request.json().has("max_completion_tokens")).isFalse();
        assertThat(request.json().path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(request.json().path("messages").get(1).path("role").asText()).isEqualTo("user");
    }

    @Test
    void aCustomOpenAiCompatibleServerGetsMaxTokensAndTheRecordedStreamWorks() throws InterruptedException {
        fake.server.script("custom", FakeReply.fixture("openai-chat-stream.sse"));

        RecordingListener reply = fake.stream("custom", "llama3.2").awaitCompletion();

        assertThat(reply.text()).isEqualTo(OPENAI_TEXT);
        assertThat(reply.usage()).isEqualTo(new LlmUsage(14, 30, false));
        RecordedRequest request = fake.server.lastRequest("custom");
        assertThat(request.path()).isEqualTo("/custom/v1/chat/completions");
        assertThat(request.json().path("max_tokens").asInt()).isEqualTo(256);
        assertThat(request.json().has("max_completion_tokens")).isFalse();
    }

    @Test
    void openRoutersProcessingCommentsAreSkipped() throws InterruptedException {
        // derived transcript: the OpenAI recording with OpenRouter's keep-alive comment inserted (SOURCES.md)
        fake.server.script("openrouter", FakeReply.fixture("derived-openrouter-chat-stream.sse"));

        RecordingListener reply =
                fake.stream("openrouter", "openai/gpt-4o-mini").awaitCompletion();

        assertThat(reply.text()).isEqualTo(OPENAI_TEXT);
        assertThat(reply.usage()).isEqualTo(new LlmUsage(14, 30, false));
    }

    @Test
    void aServerThatReportsNoUsageGetsAnEstimate() throws InterruptedException {
        fake.server.script(
                "custom",
                FakeReply.events(
                        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Twelve chars\"}}]}\n\n",
                        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
                        "data: [DONE]\n\n"));

        RecordingListener reply = fake.stream("custom", "llama3.2").awaitCompletion();

        assertThat(reply.text()).isEqualTo("Twelve chars");
        long promptChars = "You are a helpful assistant.".length() + "What is the weather in San Francisco?".length();
        assertThat(reply.usage()).isEqualTo(new LlmUsage((promptChars + 3) / 4, 3, true));
    }

    static java.util.List<String> providers() {
        return FakeLlmServer.PROVIDERS;
    }

    @ParameterizedTest
    @MethodSource("providers")
    void everyProviderStreamsAGeneratedReplyPieceByPiece(String provider) throws InterruptedException {
        String text = "Grüße aus \"Q-IDE\" — line one\nline two ✓";
        fake.server.script(provider, FakeReply.text(text, 7, 123, 7));

        RecordingListener reply = fake.stream(provider, "some-model").awaitCompletion();

        assertThat(reply.tokens()).hasSize(7);
        assertThat(reply.text()).isEqualTo(text);
        assertThat(reply.usage()).isEqualTo(new LlmUsage(123, 7, false));
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(fake.server.requests()).hasSize(1);
        RecordedRequest request = fake.server.lastRequest(provider);
        assertThat(
                        provider.equals("google")
                                ? request.path()
                                : request.json().path("model").asText())
                .contains("some-model");
    }
}
