package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake speaks the real wire format: OpenAI's own Java SDK reads its generated replies and replays. */
class FakeLlmServerTest {

    private static final FakeLlmServer server = FakeLlmServer.start();
    private static final OpenAIClient openAi = OpenAIOkHttpClient.builder()
            .apiKey("sk-test")
            .baseUrl(server.baseUrl("openai"))
            .maxRetries(0)
            .build();

    @BeforeEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void close() {
        openAi.close();
        server.close();
    }

    private static List<ChatCompletionChunk> streamWithTheSdk() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Say hello")
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        try (StreamResponse<ChatCompletionChunk> stream =
                openAi.chat().completions().createStreaming(params)) {
            return stream.stream().toList();
        }
    }

    private static String text(List<ChatCompletionChunk> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk ->
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        return text.toString();
    }

    @Test
    void theOpenAiSdkReadsAGeneratedReply() {
        server.script("openai", FakeReply.text("Hello, world!", 4, 9, 4));

        List<ChatCompletionChunk> chunks = streamWithTheSdk();

        assertThat(text(chunks)).isEqualTo("Hello, world!");
        assertThat(chunks.getLast().usage().orElseThrow().promptTokens()).isEqualTo(9);
        assertThat(chunks.getLast().usage().orElseThrow().completionTokens()).isEqualTo(4);
        assertThat(chunks.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .map(choice -> choice.finishReason().map(Object::toString))
                        .flatMap(Optional::stream))
                .containsExactly("stop");
        assertThat(chunks.getFirst().model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void theOpenAiSdkReadsAReplayedRecording() {
        server.script("openai", FakeReply.fixture("openai-chat-stream.sse"));

        assertThat(text(streamWithTheSdk())).startsWith("I'm unable to provide real-time weather updates.");
        RecordedRequest request = server.lastRequest("openai");
        assertThat(request.header("authorization")).isEqualTo("Bearer sk-test");
        assertThat(request.path()).isEqualTo("/openai/v1/chat/completions");
    }

    @Test
    void aReplayIsByteForByteTheRecording() {
        String recorded = FakeReply.read("anthropic-messages-stream.sse");

        assertThat(String.join("", FakeReply.splitEvents(recorded))).isEqualTo(recorded);
        assertThat(FakeReply.splitEvents(recorded)).hasSize(9);
        assertThat(FakeReply.splitEvents("data: a\r\n\r\ndata: b\n\n"))
                .containsExactly("data: a\r\n\r\n", "data: b\n\n");
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> response = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl("anthropic") + "/complete"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(server.requests()).hasSize(1);
    }
}
