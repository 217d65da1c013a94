package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.AuditTrail;
import dev.qide.support.Browser;
import dev.qide.support.CapturedLog;
import dev.qide.support.Workspaces;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Provider keys never show up in a log line, a page, an API answer or an audit record, whatever goes wrong. */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class ProviderKeySecretsTest {

    private static final String OPENAI_KEY = "sk-proj-SECRETopenai-0123456789abcd";
    private static final String GEMINI_KEY = "AIzaSECRETgemini0123456789abcdefghij";

    @Test
    void keysStayOutOfLogsPagesAnswersAndAuditRecords() throws Exception {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();
        CapturedLog log = new CapturedLog();
        List<Logger> loud = List.of(Logger.getLogger("dev.qide"), Logger.getLogger("dev.langchain4j"));
        List<Level> before = new ArrayList<>();
        loud.forEach(logger -> {
            before.add(logger.getLevel());
            logger.setLevel(Level.ALL);
        });
        log.start();
        List<String> seen = new ArrayList<>();
        try {
            Browser owner = Browser.signedUp("Secret Keeper");
            Workspaces.setPlan(owner.workspaceId(), PlanId.TEAMS);
            owner.get("/settings/ai-providers");
            owner.postForm(
                    "/settings/ai-providers",
                    Map.of("provider", "openai", "apiKey", OPENAI_KEY, "model", "gpt-4o-mini"));
            owner.postForm(
                    "/settings/ai-providers",
                    Map.of("provider", "google", "apiKey", GEMINI_KEY, "model", "gemini-2.5-flash"));
            seen.add(owner.get("/settings/ai-providers").asString());
            for (ProviderKey key : StoredProviderKeys.of(owner)) {
                seen.add(owner.htmxPostForm("/settings/ai-providers/" + key.id + "/test", Map.of())
                        .asString());
            }
            // Refusals whose bodies quote the key back (Gemini's echoes it whole, OpenAI's masks it).
            upstream.enqueue("openai", FakeReply.error(401, "openai-error-401-invalid-api-key.json"));
            upstream.enqueue(
                    "google",
                    FakeReply.errorJson(
                            400,
                            """
                    {"error": {"code": 400, "message": "API key not valid: %s. Please pass a valid API key.",
                     "status": "INVALID_ARGUMENT", "details": [{"reason": "API_KEY_INVALID"}]}}"""
                                    .formatted(GEMINI_KEY)));
            for (ProviderKey key : StoredProviderKeys.of(owner)) {
                seen.add(owner.htmxPostForm("/settings/ai-providers/" + key.id + "/test", Map.of())
                        .asString());
            }
            owner.get("/chat");
            String location = owner.postForm("/chat/new", Map.of()).header("Location");
            UUID conversation = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            owner.get("/chat/" + conversation);
            upstream.enqueue(
                    "google",
                    FakeReply.errorJson(
                            400,
                            """
                    {"error": {"code": 400, "message": "API key not valid: %s.", "status": "INVALID_ARGUMENT"}}"""
                                    .formatted(GEMINI_KEY)));
            seen.add(owner.htmxPostForm(
                            "/chat/" + conversation + "/messages",
                            Map.of("content", "Hello?", "model_choice", "google/gemini-2.5-flash"))
                    .asString());
            Thread.sleep(1500);
            seen.add(owner.get("/chat/" + conversation).asString());
            seen.add(owner.get("/chat/" + conversation + "/export?format=json").asString());
            seen.add(owner.api().get("/api/settings/llm-config").asString());
            seen.add(auditText(owner));
        } finally {
            log.stop();
            for (int i = 0; i < loud.size(); i++) {
                loud.get(i).setLevel(before.get(i));
            }
        }

        assertThat(seen).hasSizeGreaterThan(6);
        assertThat(log.text()).as("the capture sees debug lines").contains("failed before answering");
        assertThat(String.join("\n", seen)).contains("sk-…abcd").contains("refused the key");
        for (String secret : List.of(OPENAI_KEY, GEMINI_KEY, "SECRETopenai", "SECRETgemini")) {
            assertThat(log.text()).as("log").doesNotContain(secret);
            assertThat(seen).as("pages and answers").noneMatch(text -> text.contains(secret));
        }
    }

    private static String auditText(Browser browser) {
        return AuditTrail.of(browser.workspaceId()).stream()
                .map(event -> event.action + " " + event.target + " " + event.detail)
                .reduce("", (a, b) -> a + "\n" + b);
    }
}
