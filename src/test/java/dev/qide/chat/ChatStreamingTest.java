package dev.qide.chat;

import static dev.qide.chat.ChatTestSupport.addKey;
import static dev.qide.chat.ChatTestSupport.send;
import static dev.qide.chat.ChatTestSupport.startConversation;
import static dev.qide.chat.ChatTestSupport.streamPath;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.AuditTrail;
import dev.qide.support.AwkwardReply;
import dev.qide.support.Browser;
import dev.qide.support.HtmlText;
import dev.qide.support.SseWire;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class ChatStreamingTest {

    private static final String OPENAI_KEY = "sk-test-streaming-0123456789abcd";

    private FakeLlmServer upstream;
    private Browser alice;

    @BeforeEach
    void setUp() {
        upstream = FakeLlmResource.server();
        upstream.reset();
        alice = Browser.signedUp("Alice Chat");
        Workspaces.setPlan(alice.workspaceId(), PlanId.PRO);
        addKey(alice, "openai", OPENAI_KEY, "gpt-4o-mini");
    }

    @Test
    void aReplyStreamsInAndIsRecordedWithItsUsageAndCost() throws Exception {
        String answer = "Use a list comprehension: `[x * 2 for x in items]`";
        upstream.script("openai", FakeReply.text(answer, 9, 120, 14));
        UUID conversation = startConversation(alice);

        UUID reply = send(alice, conversation, "How do I double every item?", "openai/gpt-4o-mini");
        List<SseReader.Event> events = SseReader.readAll(alice, streamPath(reply));

        assertThat(SseReader.text(events)).isEqualTo(answer);
        assertThat(events.get(events.size() - 1).data())
                .contains("data-status=\"complete\"")
                .contains("<code>");
        ChatMessage stored = message(reply);
        assertThat(stored.status).isEqualTo(MessageStatus.COMPLETE);
        assertThat(stored.content).isEqualTo(answer);
        assertThat(stored.provider).isEqualTo("openai");
        assertThat(stored.model).isEqualTo("gpt-4o-mini");
        assertThat(stored.keyOwner).isEqualTo("PERSONAL");
        assertThat(stored.tokensIn).isEqualTo(120);
        assertThat(stored.tokensOut).isEqualTo(14);
        assertThat(stored.tokensEstimated).isFalse();
        // gpt-4o-mini: $0.15 in and $0.60 out per million tokens.
        assertThat(stored.costUsd).isEqualByComparingTo("0.000026");
        assertThat(stored.durationMs).isNotNull();
        var request = upstream.lastRequest("openai");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
        assertThat(request.json().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.json().path("messages").toString()).contains("How do I double every item?");
        assertThat(AuditTrail.actionsOf(alice.workspaceId())).contains("provider_key.decrypted");
    }

    @Test
    void theStreamCarriesTheTextExactlyAndEndsWithWhatAReloadShows() throws Exception {
        upstream.script("openai", FakeReply.text(AwkwardReply.TEXT, 40));
        UUID conversation = startConversation(alice);
        UUID reply = send(alice, conversation, "Show me some code", "openai/gpt-4o-mini");

        SseWire.Answer answer = SseWire.fetch(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + streamPath(reply)))
                        .header("Cookie", alice.cookieHeader())
                        .header("Accept", "text/event-stream")
                        .build());
        List<SseWire.Event> events = SseWire.parse(answer.body());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/event-stream");
        SseWire.Event done = events.get(events.size() - 1);
        assertThat(done.type()).isEqualTo("done");
        String reloaded = alice.get("/chat/" + conversation).asString();
        SoftAssertions.assertSoftly(softly -> {
            // The payload's line ends never become the stream's: every line ends with LF, and each data line is
            // "data: " and the line exactly.
            softly.assertThat(answer.body()).doesNotContain("\r").endsWith("\n\n");
            softly.assertThat(answer.body().split("\n"))
                    .filteredOn(line -> line.startsWith("data"))
                    .allSatisfy(line -> assertThat(line).startsWith("data: "));
            softly.assertThat(events.stream()
                            .filter(event -> event.type().equals("token"))
                            .map(event -> HtmlText.decode(event.data()))
                            .collect(Collectors.joining()))
                    .as("the streamed text")
                    .isEqualTo(AwkwardReply.TEXT);
            softly.assertThat(message(reply).content).isEqualTo(AwkwardReply.TEXT);
            softly.assertThat(done.data().strip())
                    .as("the end, as a reload shows it")
                    .isEqualTo(article(reloaded, reply));
            softly.assertThat(HtmlText.decode(code(done.data())))
                    .as("the finished code")
                    .isEqualTo(AwkwardReply.CODE);
        });
    }

    @Test
    void aPageLoadedWhileTheReplyStreamsShowsItsTextSoFarExactly() throws Exception {
        upstream.script("openai", FakeReply.text(AwkwardReply.TEXT, 40).hangAfter(10));
        UUID conversation = startConversation(alice);
        UUID reply = send(alice, conversation, "Show me some code", "openai/gpt-4o-mini");

        String shown = "";
        for (int i = 0; i < 100 && shown.length() < 40; i++) {
            Thread.sleep(50);
            Matcher text = Pattern.compile("data-testid=\"reply-text\">([^<]*)</div>")
                    .matcher(article(alice.get("/chat/" + conversation).asString(), reply));
            assertThat(text.find()).isTrue();
            shown = HtmlText.decode(text.group(1));
        }

        assertThat(shown).hasSizeGreaterThanOrEqualTo(40).contains("\r\n");
        assertThat(AwkwardReply.TEXT).startsWith(shown);
        alice.htmxPostForm("/chat/messages/" + reply + "/stop", Map.of()).then().statusCode(204);
    }

    @Test
    void aDroppedConnectionResumesFromLastEventIdWithoutLosingOrRepeatingText() throws Exception {
        String answer = IntStream.range(0, 40).mapToObj(i -> "word" + i).collect(Collectors.joining(" ")) + ".";
        upstream.script("openai", FakeReply.text(answer, 40).delay(Duration.ofMillis(40)));
        UUID conversation = startConversation(alice);
        UUID reply = send(alice, conversation, "Count for me", "openai/gpt-4o-mini");

        List<SseReader.Event> first = SseReader.read(
                alice,
                streamPath(reply),
                null,
                events -> events.stream()
                                .filter(event -> event.name().equals("token"))
                                .count()
                        >= 5);
        String lastId = SseReader.lastId(first);
        assertThat(lastId).isNotNull();
        List<SseReader.Event> rest =
                SseReader.read(alice, streamPath(reply), lastId, events -> events.get(events.size() - 1)
                        .name()
                        .equals("done"));

        assertThat(SseReader.text(first) + SseReader.text(rest)).isEqualTo(answer);
        assertThat(message(reply).content).isEqualTo(answer);
    }

    @Test
    void aProviderFailingBeforeItsFirstTokenFallsBackToTheWorkspacesNextProvider() throws Exception {
        addKey(alice, "anthropic", "sk-ant-test-fallback-0123456789", "claude-sonnet-4-20250514");
        alice.postForm("/settings/ai-providers/fallback", Map.of("fallback", "openai"));
        upstream.script("anthropic", FakeReply.error(401, "anthropic-error-401.json"));
        upstream.script("openai", FakeReply.text("OpenAI answers instead.", 4));
        UUID conversation = startConversation(alice);

        UUID reply = send(alice, conversation, "Who answers?", "anthropic/claude-sonnet-4-20250514");
        List<SseReader.Event> events = SseReader.readAll(alice, streamPath(reply));

        assertThat(SseReader.text(events)).isEqualTo("OpenAI answers instead.");
        ChatMessage stored = message(reply);
        assertThat(stored.status).isEqualTo(MessageStatus.COMPLETE);
        assertThat(stored.provider).isEqualTo("openai");
        assertThat(stored.notice).contains("Anthropic").contains("OpenAI answered");
        assertThat(events.get(events.size() - 1).data()).contains("OpenAI answered");
    }

    @Test
    void aProviderFailingMidStreamLeavesThePartialReplySavedAndMarkedFailed() throws Exception {
        String answer = "one two three four five six seven eight nine ten";
        upstream.script(
                "openai",
                FakeReply.text(answer, 10).delay(Duration.ofMillis(30)).cutAfter(5));
        UUID conversation = startConversation(alice);

        UUID reply = send(alice, conversation, "Count to ten", "openai/gpt-4o-mini");
        List<SseReader.Event> events = SseReader.readAll(alice, streamPath(reply));

        ChatMessage stored = message(reply);
        assertThat(stored.status).isEqualTo(MessageStatus.FAILED);
        assertThat(stored.content).isNotEmpty().isEqualTo(SseReader.text(events));
        assertThat(answer).startsWith(stored.content);
        assertThat(stored.content).isNotEqualTo(answer);
        assertThat(stored.error).isNotBlank();
        assertThat(events.get(events.size() - 1).data())
                .contains("data-status=\"failed\"")
                .contains("Retry");
    }

    @Test
    void stopEndsTheReplyKeepsWhatWasWrittenAndDisconnectsUpstream() throws Exception {
        String answer = IntStream.range(0, 200).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
        upstream.script("openai", FakeReply.text(answer, 200).delay(Duration.ofMillis(50)));
        UUID conversation = startConversation(alice);
        UUID reply = send(alice, conversation, "Write a lot", "openai/gpt-4o-mini");
        SseReader.read(alice, streamPath(reply), null, events -> events.size() >= 3);

        alice.htmxPostForm("/chat/messages/" + reply + "/stop", Map.of()).then().statusCode(204);

        ChatMessage stored = message(reply);
        assertThat(stored.status).isEqualTo(MessageStatus.CANCELLED);
        assertThat(stored.content).isNotEmpty();
        assertThat(answer).startsWith(stored.content);
        assertThat(stored.tokensEstimated).isTrue();
        assertThat(upstream.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void modelMarkdownCannotRunScript() throws Exception {
        upstream.script(
                "openai",
                FakeReply.text(
                        "<script>alert(1)</script>\n\nSee [click](javascript:alert) and <img src=x onerror=alert(3)> too.",
                        6));
        UUID conversation = startConversation(alice);

        UUID reply = send(alice, conversation, "Try to hack", "openai/gpt-4o-mini");
        String done = SseReader.readAll(alice, streamPath(reply)).stream()
                .filter(event -> event.name().equals("done"))
                .findFirst()
                .orElseThrow()
                .data();
        String page = alice.get("/chat/" + conversation).asString();

        for (String html : List.of(done, page)) {
            assertThat(html)
                    .doesNotContain("<script>alert")
                    .doesNotContain("javascript:")
                    .doesNotContain("<img src=x");
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x");
        }
    }

    @Test
    void messagesCountAgainstTheDailyLlmRequestsAndARefusedOneStoresNothing() throws Exception {
        Workspaces.setPlan(alice.workspaceId(), PlanId.FREE);
        upstream.script("openai", FakeReply.text("ok", 1));
        UUID conversation = startConversation(alice);
        for (int i = 0; i < 2; i++) {
            SseReader.readAll(alice, streamPath(send(alice, conversation, "Question " + i, "openai/gpt-4o-mini")));
        }

        var refused = alice.htmxPostForm(
                "/chat/" + conversation + "/messages",
                Map.of("content", "One more", "model_choice", "openai/gpt-4o-mini"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ChatMessage.count("conversationId", conversation)))
                .isEqualTo(4);
    }

    @Test
    void aProviderWithoutAKeyIsRefusedWithAClearMessage() {
        UUID conversation = startConversation(alice);

        var refused = alice.htmxPostForm(
                "/chat/" + conversation + "/messages",
                Map.of("content", "Hi", "model_choice", "anthropic/claude-sonnet-4-20250514"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("There is no Anthropic key you can use here");
    }

    @Test
    void anotherPersonsConversationAndStreamAnswer404() throws Exception {
        upstream.script("openai", FakeReply.text("private", 1));
        UUID conversation = startConversation(alice);
        UUID reply = send(alice, conversation, "Secret question", "openai/gpt-4o-mini");
        SseReader.readAll(alice, streamPath(reply));
        Browser mallory = Browser.signedUp("Mallory");

        mallory.get("/chat/" + conversation).then().statusCode(404);
        mallory.request().get(streamPath(reply)).then().statusCode(404);
        mallory.get("/chat/" + conversation + "/export?format=json").then().statusCode(404);
        mallory.get("/chat");
        mallory.postForm("/chat/messages/" + reply + "/stop", Map.of()).then().statusCode(404);
    }

    /** The markup of message {@code id} in a page. */
    private static String article(String page, UUID id) {
        int start = page.lastIndexOf("<article", page.indexOf("id=\"message-" + id + "\""));
        int end = page.indexOf("</article>", start) + "</article>".length();
        assertThat(start).as(page).isNotNegative();
        return page.substring(start, end);
    }

    /** The escaped text of the one code block in {@code html}. */
    private static String code(String html) {
        Matcher code =
                Pattern.compile("<code[^>]*>(.*?)</code>", Pattern.DOTALL).matcher(html);
        assertThat(code.find()).as(html).isTrue();
        return code.group(1);
    }

    /** The reply once it has ended (its end is recorded just after its stream closes). */
    static ChatMessage awaitEnd(UUID id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            ChatMessage message = message(id);
            if (message.status != MessageStatus.STREAMING) {
                return message;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Reply " + id + " did not end");
    }

    static ChatMessage message(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ChatMessage.findById(id));
    }
}
