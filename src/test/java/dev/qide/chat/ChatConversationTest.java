package dev.qide.chat;

import static dev.qide.chat.ChatTestSupport.addKey;
import static dev.qide.chat.ChatTestSupport.send;
import static dev.qide.chat.ChatTestSupport.startConversation;
import static dev.qide.chat.ChatTestSupport.streamPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageRole;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.chat.reply.InterruptedReplies;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
@ClockSensitive
class ChatConversationTest {

    private FakeLlmServer upstream;
    private Browser bea;

    @Inject
    InterruptedReplies interrupted;

    @BeforeEach
    void setUp() {
        upstream = FakeLlmResource.server();
        upstream.reset();
        bea = Browser.signedUp("Bea Conversation");
        Workspaces.setPlan(bea.workspaceId(), PlanId.PRO_PLUS);
        addKey(bea, "openai", "sk-conv-test-0123456789abcdef", "gpt-4o-mini");
    }

    @Test
    void aConversationIsTitledRenamedExportedClearedAndDeleted() throws Exception {
        upstream.script("openai", FakeReply.text("Sorted with `sorted(xs)`.", 4));
        UUID conversation = startConversation(bea);
        SseReader.readAll(
                bea, streamPath(send(bea, conversation, "How do I sort a list?\nIn Python.", "openai/gpt-4o-mini")));

        assertThat(bea.get("/chat").asString()).contains("How do I sort a list?");
        assertThat(bea.htmx().get("/chat/" + conversation).asString())
                .doesNotContain("<html")
                .contains("sorted(xs)");
        bea.postForm("/chat/" + conversation + "/rename", Map.of("title", "Sorting"))
                .then()
                .statusCode(303);
        assertThat(bea.htmxPostForm("/chat/" + conversation + "/rename", Map.of("title", " "))
                        .statusCode())
                .isEqualTo(422);

        String markdown = bea.get("/chat/" + conversation + "/export?format=md").asString();
        assertThat(markdown)
                .startsWith("# Sorting")
                .contains("## You")
                .contains("How do I sort a list?")
                .contains("## openai · gpt-4o-mini");
        JsonNode json = new ObjectMapper()
                .readTree(
                        bea.get("/chat/" + conversation + "/export?format=json").asString());
        assertThat(json.path("title").asText()).isEqualTo("Sorting");
        assertThat(json.path("messages")).hasSize(2);
        assertThat(json.path("messages").get(1).path("tokens_out").asLong()).isPositive();
        assertThat(bea.get("/chat/" + conversation + "/export?format=pdf").statusCode())
                .isEqualTo(400);

        bea.postForm("/chat/" + conversation + "/clear", Map.of()).then().statusCode(303);
        assertThat(count(conversation)).isZero();
        bea.postForm("/chat/" + conversation + "/delete", Map.of()).then().statusCode(303);
        bea.get("/chat/" + conversation).then().statusCode(404);
    }

    @Test
    void regenerateAndEditAndResendReplaceWhatFollowedAndCountAsNewRequests() throws Exception {
        upstream.script("openai", FakeReply.text("first answer", 2));
        UUID conversation = startConversation(bea);
        UUID firstReply = send(bea, conversation, "Question one", "openai/gpt-4o-mini");
        SseReader.readAll(bea, streamPath(firstReply));
        UUID question = messages(conversation).get(0).id;

        upstream.script("openai", FakeReply.text("second answer", 2));
        bea.postForm("/chat/messages/" + firstReply + "/regenerate", Map.of())
                .then()
                .statusCode(303);
        ChatMessage regenerated = messages(conversation).get(1);
        SseReader.readAll(bea, streamPath(regenerated.id));

        upstream.script("openai", FakeReply.text("third answer", 2));
        bea.postForm(
                        "/chat/messages/" + messages(conversation).get(0).id + "/edit",
                        Map.of("content", "Question one, edited"))
                .then()
                .statusCode(303);
        List<ChatMessage> after = messages(conversation);
        SseReader.readAll(bea, streamPath(after.get(1).id));

        assertThat(regenerated.id).isNotEqualTo(firstReply);
        assertThat(after).hasSize(2);
        assertThat(after.get(0).id).isNotEqualTo(question);
        assertThat(after.get(0).content).isEqualTo("Question one, edited");
        assertThat(messages(conversation).get(1).content).isEqualTo("third answer");
        assertThat(upstream.lastRequest("openai").json().path("messages").toString())
                .contains("Question one, edited")
                .doesNotContain("first answer");
        String usage = bea.api().get("/api/billing/usage").asString();
        assertThat(usage).contains("\"used\":3");
    }

    @Test
    void aWorkspaceKeyIsUsedBeforeThePersonsAndTheReplySaysWhosePaid() throws Exception {
        bea.get("/settings/ai-providers");
        bea.postForm(
                        "/settings/ai-providers",
                        Map.of(
                                "owner",
                                "WORKSPACE",
                                "provider",
                                "openai",
                                "apiKey",
                                "sk-workspace-key-00000000WSWS",
                                "model",
                                "gpt-4o"))
                .then()
                .statusCode(303);
        upstream.script("openai", FakeReply.text("paid by the workspace", 4));
        UUID conversation = startConversation(bea);

        UUID reply = send(bea, conversation, "Who pays?", "openai/gpt-4o");
        SseReader.readAll(bea, streamPath(reply));

        assertThat(upstream.lastRequest("openai").header("Authorization"))
                .isEqualTo("Bearer sk-workspace-key-00000000WSWS");
        assertThat(ChatStreamingTest.message(reply).keyOwner).isEqualTo("WORKSPACE");
    }

    @Test
    void aLongAttachmentIsCutToTheModelsWindowAndTheReplySaysSo() throws Exception {
        bea.get("/settings/ai-providers");
        bea.postForm(
                        "/settings/ai-providers",
                        Map.of(
                                "provider",
                                "custom",
                                "apiKey",
                                "local",
                                "model",
                                "llama3.2",
                                "baseUrl",
                                upstream.baseUrl("custom")))
                .then()
                .statusCode(303);
        upstream.script("custom", FakeReply.text("Read what fitted.", 3));
        UUID conversation = startConversation(bea);

        var sent = bea.htmxPostForm(
                "/chat/" + conversation + "/messages",
                Map.of(
                        "content",
                        "Summarise",
                        "model_choice",
                        "custom/llama3.2",
                        "context_label",
                        "huge.txt",
                        "context_text",
                        "z".repeat(60_000)));
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(200);
        UUID reply = messages(conversation).get(1).id;
        SseReader.readAll(bea, streamPath(reply));

        assertThat(upstream.lastRequest("custom").body().length()).isLessThan(40_000);
        assertThat(ChatStreamingTest.message(reply).notice).contains("The attached huge.txt was cut");
    }

    @Test
    void aReplyWhoseWriterDisappearedIsMarkedFailedKeepingItsText() {
        UUID conversation = startConversation(bea);
        UUID orphan = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ChatMessage message = new ChatMessage();
            message.id = orphan;
            message.conversationId = conversation;
            message.seq = 1;
            message.role = MessageRole.ASSISTANT;
            message.content = "half a thou";
            message.status = MessageStatus.STREAMING;
            message.createdAt = TestClock.now().minusSeconds(3600);
            message.updatedAt = message.createdAt;
            message.persist();
        });

        assertThat(interrupted.endUnsavedSince(TestClock.now().minusSeconds(600)))
                .isEqualTo(1);
        assertThat(interrupted.endUnsavedSince(TestClock.now().minusSeconds(600)))
                .isZero();

        ChatMessage ended = ChatStreamingTest.message(orphan);
        assertThat(ended.status).isEqualTo(MessageStatus.FAILED);
        assertThat(ended.content).isEqualTo("half a thou");
        assertThat(ended.error).isEqualTo(InterruptedReplies.MESSAGE);
    }

    private static long count(UUID conversation) {
        return QuarkusTransaction.requiringNew().call(() -> ChatMessage.count("conversationId", conversation));
    }

    private static List<ChatMessage> messages(UUID conversation) {
        return QuarkusTransaction.requiringNew().call(() -> ChatMessage.of(conversation));
    }
}
