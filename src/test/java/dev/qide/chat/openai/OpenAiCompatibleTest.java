package dev.qide.chat.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import dev.qide.chat.ChatTestSupport;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.MessageRole;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.AwkwardReply;
import dev.qide.support.Browser;
import dev.qide.support.SseWire;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at Q-IDE's /v1 with a Q-IDE API key, against fake upstream providers. */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class OpenAiCompatibleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI_KEY = "sk-test-openai-compat-0123456789";

    private FakeLlmServer upstream;
    private Browser alice;
    private String chatKey;

    @BeforeEach
    void setUp() {
        upstream = FakeLlmResource.server();
        upstream.reset();
        alice = Browser.signedUp("Alice Compat");
        Workspaces.setPlan(alice.workspaceId(), PlanId.PRO);
        ChatTestSupport.addKey(alice, "openai", OPENAI_KEY, "gpt-4o-mini");
        chatKey = ApiKeys.create(alice, "ci-bot", "chat");
    }

    @Test
    void aCompletionIsAnsweredWithUsageAndRecordedAsAConversation() {
        upstream.script("openai", FakeReply.text("Use pathlib.Path.read_text().", 6, 21, 7));

        ChatCompletion completion = client(chatKey)
                .chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("openai/gpt-4o-mini")
                        .addSystemMessage("You answer in one line.")
                        .addUserMessage("How do I read a file?")
                        .addAssistantMessage("In which language?")
                        .addUserMessage("Python, please.")
                        .build());

        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).contains("Use pathlib.Path.read_text().");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(21);
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(7);
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(28);

        // The upstream got the caller's system prompt (instead of Q-IDE's) and the whole history, in order.
        JsonNode sent = upstream.lastRequest("openai").json().path("messages");
        assertThat(sent.get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.get(0).path("content").asText()).isEqualTo("You answer in one line.");
        assertThat(sent.toString()).doesNotContain("coding assistant of Q-IDE");
        assertThat(sent.findValuesAsText("content"))
                .containsSubsequence("How do I read a file?", "In which language?", "Python, please.");
        assertThat(upstream.lastRequest("openai").header("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);

        List<ChatMessage> recorded = recordedMessages("API key ci-bot: Python, please.");
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0).role).isEqualTo(MessageRole.USER);
        assertThat(recorded.get(0).content).isEqualTo("Python, please.");
        ChatMessage reply = recorded.get(1);
        assertThat(reply.status).isEqualTo(MessageStatus.COMPLETE);
        assertThat(reply.content).isEqualTo("Use pathlib.Path.read_text().");
        assertThat(reply.provider).isEqualTo("openai");
        assertThat(reply.model).isEqualTo("gpt-4o-mini");
        assertThat(reply.tokensIn).isEqualTo(21);
        assertThat(reply.tokensOut).isEqualTo(7);
        assertThat(reply.costUsd).isNotNull();
    }

    @Test
    void aStreamedCompletionGivesUpstreamsTextExactlyAndItsUsage() {
        String answer = "Streaming works: every token, in order, once. " + "x".repeat(40);
        upstream.script("openai", FakeReply.text(answer, 12, 33, 12).delay(Duration.ofMillis(10)));

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client(chatKey)
                .chat()
                .completions()
                .createStreaming(ChatCompletionCreateParams.builder()
                        .model("openai/gpt-4o-mini")
                        .addUserMessage("Stream something")
                        .streamOptions(ChatCompletionStreamOptions.builder()
                                .includeUsage(true)
                                .build())
                        .build())) {
            stream.stream().forEach(chunks::add);
        }

        String text = chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .collect(Collectors.joining());
        assertThat(text).isEqualTo(answer);
        assertThat(chunks.get(0).choices().get(0).delta().role())
                .contains(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
        assertThat(chunks.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .filter(choice -> choice.finishReason().isPresent())
                        .map(choice -> choice.finishReason().get()))
                .containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
        var usage = chunks.get(chunks.size() - 1).usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(33);
        assertThat(usage.completionTokens()).isEqualTo(12);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo("openai/gpt-4o-mini"));
        assertThat(recordedMessages("API key ci-bot: Stream something").get(1).content)
                .isEqualTo(answer);
    }

    @Test
    void theStreamIsFramedAsOpenAisAndCarriesTheTextExactly() throws Exception {
        upstream.script("openai", FakeReply.text(AwkwardReply.TEXT, 40));

        SseWire.Answer answer = SseWire.fetch(HttpRequest.newBuilder(URI.create(base() + "/chat/completions"))
                .header("Authorization", "Bearer " + chatKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"openai/gpt-4o-mini\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Code\"}]}"))
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/event-stream");
        // Exactly what OpenAI sends: "data: {json}" and a blank line per chunk, then "data: [DONE]" and a blank line.
        assertThat(answer.body()).matches("(data: \\{[^\r\n]*\\}\n\n)+data: \\[DONE]\n\n");
        List<SseWire.Event> events = SseWire.parse(answer.body());
        assertThat(events).allSatisfy(event -> assertThat(event.type()).isEqualTo("message"));
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        for (SseWire.Event event : events.subList(0, events.size() - 1)) {
            for (JsonNode choice : JSON.readTree(event.data()).path("choices")) {
                text.append(choice.path("delta").path("content").asText(""));
            }
        }
        assertThat(text.toString()).isEqualTo(AwkwardReply.TEXT);
    }

    @Test
    void modelsListsWhatTheCallersKeysAllow() {
        List<String> ids =
                client(chatKey).models().list().data().stream().map(Model::id).toList();

        assertThat(ids).contains("openai/gpt-4o-mini").allMatch(id -> id.startsWith("openai/"));
        Model model = client(chatKey).models().list().data().get(0);
        assertThat(model.ownedBy()).isEqualTo("openai");
        assertThat(model.created()).isPositive();
    }

    @Test
    void aKeyWithoutTheChatScopeIsRefused() {
        String readOnly = ApiKeys.create(alice, "reader", "projects:read");

        PermissionDeniedException refused = catchThrowableOfType(PermissionDeniedException.class, () -> client(readOnly)
                .chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("openai/gpt-4o-mini")
                        .addUserMessage("Hi")
                        .build()));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.getMessage()).contains("lacks the chat scope");
        assertThat(refused.type()).contains("permission_error");
        assertThat(upstream.requests()).isEmpty();
        assertThat(catchThrowableOfType(
                        PermissionDeniedException.class,
                        () -> client(readOnly).models().list()))
                .isNotNull();
    }

    @Test
    void anUnknownKeyIsRefusedWith401() {
        UnauthorizedException refused = catchThrowableOfType(
                UnauthorizedException.class,
                () -> client("qide_" + "A".repeat(43)).models().list());

        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void aModelWithoutAKeyOrUnknownIsNotFound() {
        for (String model : List.of("anthropic/claude-sonnet-4-20250514", "openai/no-such-model", "gpt-4o-mini")) {
            NotFoundException refused = catchThrowableOfType(NotFoundException.class, () -> client(chatKey)
                    .chat()
                    .completions()
                    .create(ChatCompletionCreateParams.builder()
                            .model(model)
                            .addUserMessage("Hi")
                            .build()));
            assertThat(refused).as(model).isNotNull();
            assertThat(refused.getMessage()).contains(model).contains("/v1/models");
        }
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void everyProviderFailingBeforeAnsweringIsAnErrorAndTheFailureIsRecorded() {
        upstream.script("openai", FakeReply.error(401, "openai-error-401-invalid-api-key.json"));

        UnauthorizedException failed = catchThrowableOfType(UnauthorizedException.class, () -> client(chatKey)
                .chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("openai/gpt-4o-mini")
                        .addUserMessage("Will this fail?")
                        .build()));

        assertThat(failed.statusCode()).isEqualTo(401);
        assertThat(failed.getMessage()).contains("No provider could answer").doesNotContain(OPENAI_KEY);
        assertThat(recordedMessages("API key ci-bot: Will this fail?").get(1).status)
                .isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void aFailureMidStreamEndsTheStreamWithAnInBandError() throws Exception {
        upstream.script(
                "openai",
                FakeReply.text("one two three four five six seven eight", 8)
                        .delay(Duration.ofMillis(20))
                        .cutAfter(4));

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/chat/completions"))
                                .header("Authorization", "Bearer " + chatKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"openai/gpt-4o-mini\",\"stream\":true,"
                                                + "\"messages\":[{\"role\":\"user\",\"content\":\"Count\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = response.body()
                .lines()
                .filter(line -> line.startsWith("data: "))
                .map(line -> line.substring(6))
                .toList();
        assertThat(data.get(0)).contains("\"role\":\"assistant\"");
        assertThat(data.get(1)).contains("\"content\":\"one");
        assertThat(data.get(data.size() - 1)).startsWith("{\"error\":").contains("\"type\":\"upstream_error\"");
        assertThat(response.body()).doesNotContain("[DONE]");
        assertThat(recordedMessages("API key ci-bot: Count").get(1).status).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void eachCallCountsOneLlmRequestAndTheQuotaAnswers429WithRetryAfter() {
        Workspaces.setPlan(alice.workspaceId(), PlanId.FREE);
        upstream.script("openai", FakeReply.text("ok", 1));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("openai/gpt-4o-mini")
                .addUserMessage("Again")
                .build();
        for (int i = 0; i < 2; i++) {
            assertThat(client(chatKey).chat().completions().create(params).choices())
                    .hasSize(1);
        }

        RateLimitException refused = catchThrowableOfType(
                RateLimitException.class,
                () -> client(chatKey).chat().completions().create(params));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().values("Retry-After")).isNotEmpty();
        assertThat(refused.getMessage()).contains("LLM requests limit reached");
        assertThat(upstream.requests()).hasSize(2);
    }

    @Test
    void aBadBodyIs400InOpenAisShape() {
        RestAssured.given()
                .header("Authorization", "Bearer " + chatKey)
                .contentType("application/json")
                .body("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"assistant\",\"content\":\"x\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(400)
                .contentType("application/json")
                .body("error.type", org.hamcrest.Matchers.equalTo("invalid_request_error"))
                .body("error.message", org.hamcrest.Matchers.containsString("must be the user's"));
        RestAssured.given()
                .header("Authorization", "Bearer " + chatKey)
                .contentType("application/json")
                .body("{not json")
                .post("/v1/chat/completions")
                .then()
                .statusCode(400)
                .body("error.type", org.hamcrest.Matchers.equalTo("invalid_request_error"));
    }

    @Test
    void maxTokensLowersTheReplyLimitSentUpstreamAndABadOneIs400() {
        upstream.script("openai", FakeReply.text("Short.", 2));

        client(chatKey)
                .chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("openai/gpt-4o-mini")
                        .addUserMessage("Be brief")
                        .maxCompletionTokens(7)
                        .build());

        assertThat(upstream.lastRequest("openai")
                        .json()
                        .path("max_completion_tokens")
                        .asInt())
                .isEqualTo(7);
        RestAssured.given()
                .header("Authorization", "Bearer " + chatKey)
                .contentType("application/json")
                .body("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":0,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("max_tokens"));
    }

    private static OpenAIClient client(String apiKey) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(base())
                .apiKey(apiKey)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port + "/v1";
    }

    /** The messages of the conversation the call with this title was recorded in. */
    private static List<ChatMessage> recordedMessages(String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation conversation = Conversation.<Conversation>find("title", title)
                    .firstResultOptional()
                    .orElseThrow(() -> new AssertionError("No conversation titled " + title));
            return ChatMessage.of(conversation.id);
        });
    }
}
