package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.CapturedLog;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A provider error that quotes part of the key (the key without its prefix, a piece from its middle) is shown, stored
 * and logged with that part cut out: in the connection test, the chat message, its exports and the {@code /v1} error.
 * A fragment is any run of 8 or more characters of the key, so no such run of either key may appear anywhere.
 */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class KeyFragmentRedactionTest {

    private static final String OPENAI_KEY = "sk-proj-Q1w2E3r4T5y6U7i8";
    private static final String ANTHROPIC_KEY = "sk-ant-api03-Zq9Xw8Vu7Ts6Rp5On4Ml3Kj2Hg1Fe0Dc9Ba8Zy7Xw6Vu5Ts4Rq3Po2";

    /** OpenAI's error shape, quoting the key without its {@code sk-} prefix (21 characters: no key pattern sees it). */
    private static final String OPENAI_REFUSAL =
            """
            {"error": {"message": "Project proj-Q1w2E3r4T5y6U7i8 may not call this endpoint.",
             "type": "invalid_request_error", "param": null, "code": null}}""";

    /** Anthropic's error shape, quoting 12 characters from the middle of the key. */
    private static final String ANTHROPIC_REFUSAL =
            """
            {"type": "error", "error": {"type": "invalid_request_error",
             "message": "The workspace of key Ml3Kj2Hg1Fe0 may not use this model."}}""";

    @Test
    void fragmentsOfTheKeyNeverReachAPageAnAnswerARecordOrTheLog() throws Exception {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();
        upstream.script("openai", FakeReply.errorJson(400, OPENAI_REFUSAL));
        upstream.script("anthropic", FakeReply.errorJson(400, ANTHROPIC_REFUSAL));
        CapturedLog log = new CapturedLog();
        List<Logger> loud = List.of(Logger.getLogger("dev.qide"), Logger.getLogger("dev.langchain4j"));
        List<Level> before = new ArrayList<>();
        loud.forEach(logger -> {
            before.add(logger.getLevel());
            logger.setLevel(Level.ALL);
        });
        log.start();
        List<String> seen = new ArrayList<>();
        ChatMessage reply;
        try {
            Browser owner = Browser.signedUp("Fragment Keeper");
            Workspaces.setPlan(owner.workspaceId(), PlanId.PRO);
            owner.get("/settings/ai-providers");
            owner.postForm(
                    "/settings/ai-providers",
                    Map.of("provider", "openai", "apiKey", OPENAI_KEY, "model", "gpt-4o-mini"));
            owner.postForm(
                    "/settings/ai-providers",
                    Map.of("provider", "anthropic", "apiKey", ANTHROPIC_KEY, "model", "claude-sonnet-4-20250514"));
            for (ProviderKey key : StoredProviderKeys.of(owner)) {
                seen.add(owner.htmxPostForm("/settings/ai-providers/" + key.id + "/test", Map.of())
                        .asString());
            }

            owner.get("/chat");
            String location = owner.postForm("/chat/new", Map.of()).header("Location");
            UUID conversation = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            owner.get("/chat/" + conversation);
            owner.htmxPostForm(
                    "/chat/" + conversation + "/messages",
                    Map.of("content", "Hello?", "model_choice", "openai/gpt-4o-mini"));
            reply = awaitFailedReply(conversation);
            seen.add(reply.error);
            seen.add(owner.get("/chat/" + conversation).asString());
            seen.add(owner.get("/chat/" + conversation + "/export?format=md").asString());
            seen.add(owner.get("/chat/" + conversation + "/export?format=json").asString());

            String chatKey = ApiKeys.create(owner, "fragment-bot", "chat");
            for (String model : List.of("openai/gpt-4o-mini", "anthropic/claude-sonnet-4-20250514")) {
                seen.add(ApiKeys.bearer(chatKey)
                        .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                        .post("/v1/chat/completions")
                        .asString());
            }
        } finally {
            log.stop();
            for (int i = 0; i < loud.size(); i++) {
                loud.get(i).setLevel(before.get(i));
            }
        }

        assertThat(log.text()).as("the capture sees debug lines").contains("failed before answering");
        assertThat(reply.status).isEqualTo(MessageStatus.FAILED);
        String all = String.join("\n", seen);
        assertThat(all)
                .as("the provider's words are still there, the key's characters are not")
                .contains("refused the request (HTTP 400): Project … may not call this endpoint")
                .contains("The workspace of key … may not use this model");
        for (String key : List.of(OPENAI_KEY, ANTHROPIC_KEY)) {
            for (String fragment : fragments(key)) {
                assertThat(seen).as("pages and answers").noneMatch(text -> text.contains(fragment));
                assertThat(log.text()).as("log").doesNotContain(fragment);
            }
        }
    }

    /** Every run of 8 characters of {@code key}. */
    private static List<String> fragments(String key) {
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i + 8 <= key.length(); i++) {
            fragments.add(key.substring(i, i + 8));
        }
        return fragments;
    }

    private static ChatMessage awaitFailedReply(UUID conversation) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<ChatMessage> messages = QuarkusTransaction.requiringNew().call(() -> ChatMessage.of(conversation));
            if (messages.size() == 2 && messages.get(1).status != MessageStatus.STREAMING) {
                return messages.get(1);
            }
            assertThat(System.nanoTime()).as("the reply ended").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
