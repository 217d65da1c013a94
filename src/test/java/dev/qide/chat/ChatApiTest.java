package dev.qide.chat;

import static dev.qide.chat.ChatTestSupport.addKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.AwkwardReply;
import dev.qide.support.Browser;
import dev.qide.support.SseWire;
import dev.qide.support.Workspaces;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON chat API, /api/chat, for browser sessions and API keys with the chat scope. */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class ChatApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeLlmServer upstream;
    private Browser alice;
    private String projectId;

    @BeforeEach
    void setUp() {
        upstream = FakeLlmResource.server();
        upstream.reset();
        alice = Browser.signedUp("Alice Api Chat");
        Workspaces.setPlan(alice.workspaceId(), PlanId.PRO);
        addKey(alice, "openai", "sk-test-chat-api-0123456789abcd", "gpt-4o-mini");
        projectId = alice.createProject("chat-api");
    }

    @Test
    void aMessageIsSentItsReplyStreamsAsJsonEventsAndTheConversationShowsBoth() throws Exception {
        String answer = " Leading space, <b>markup</b> & \"quotes\" survive.";
        upstream.script("openai", FakeReply.text(answer, 7, 30, 7));

        JsonPath sent = send(alice, Map.of("project_id", projectId, "content", "Explain", "provider", "openai"))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String replyId = sent.getString("reply.id");
        assertThat(sent.getString("message.role")).isEqualTo("user");
        assertThat(sent.getString("message.content")).isEqualTo("Explain");
        assertThat(sent.getString("reply.status")).isEqualTo("streaming");
        assertThat(sent.getString("reply.model")).isEqualTo("gpt-4o-mini");
        assertThat(sent.getString("stream_url")).isEqualTo("/api/chat/messages/" + replyId + "/events");

        List<SseReader.Event> events = SseReader.readAll(alice, sent.getString("stream_url"));

        assertThat(text(events)).isEqualTo(answer);
        assertThat(events.stream().filter(event -> event.name().equals("token")))
                .allSatisfy(event -> assertThat(Integer.parseInt(event.id())).isPositive());
        JsonNode done = JSON.readTree(events.get(events.size() - 1).data());
        assertThat(done.path("status").asText()).isEqualTo("complete");
        assertThat(done.path("content").asText()).isEqualTo(answer);
        assertThat(done.path("tokens_out").asLong()).isEqualTo(7);

        JsonPath conversation = alice.api()
                .get("/api/chat/" + projectId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(conversation.getString("conversation_id")).isEqualTo(sent.getString("conversation_id"));
        assertThat(conversation.getList("messages.role")).containsExactly("user", "assistant");
        assertThat(conversation.getString("messages[1].content")).isEqualTo(answer);
        assertThat(conversation.getString("messages[1].provider")).isEqualTo("openai");
        assertThat(conversation.getLong("messages[1].tokens_in")).isEqualTo(30);

        // The next message without a conversation id goes to the same (current) conversation, with history.
        upstream.script("openai", FakeReply.text("Second.", 1));
        JsonPath second = send(alice, Map.of("project_id", projectId, "content", "And then?", "provider", "openai"))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(second.getString("conversation_id")).isEqualTo(sent.getString("conversation_id"));
        SseReader.readAll(alice, second.getString("stream_url"));
        assertThat(upstream.lastRequest("openai").json().path("messages").toString())
                .contains("Explain")
                .contains("And then?");
    }

    @Test
    void theJsonStreamCarriesTheTextExactly() throws Exception {
        upstream.script("openai", FakeReply.text(AwkwardReply.TEXT, 40));
        JsonPath sent = send(alice, Map.of("project_id", projectId, "content", "Code, please", "provider", "openai"))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        SseWire.Answer answer = SseWire.fetch(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + sent.getString("stream_url")))
                .header("Cookie", alice.cookieHeader())
                .header("Accept", "text/event-stream")
                .build());
        List<SseWire.Event> events = SseWire.parse(answer.body());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("\r").endsWith("\n\n");
        assertThat(answer.body().split("\n"))
                .filteredOn(line -> !line.isEmpty())
                .allSatisfy(line -> assertThat(line).matches("(event:|id:|data: )\\S.*"));
        StringBuilder streamed = new StringBuilder();
        for (SseWire.Event event : events) {
            if (event.type().equals("token")) {
                streamed.append(JSON.readTree(event.data()).path("text").textValue());
            }
        }
        assertThat(streamed.toString()).isEqualTo(AwkwardReply.TEXT);
        SseWire.Event done = events.get(events.size() - 1);
        assertThat(done.type()).isEqualTo("done");
        assertThat(JSON.readTree(done.data()).path("content").textValue()).isEqualTo(AwkwardReply.TEXT);
    }

    @Test
    void theStreamIsNeverCompressedEvenWhenTheBrowserAcceptsIt() throws Exception {
        upstream.script("openai", FakeReply.text("Plain on the wire.", 4));
        JsonPath sent = send(alice, Map.of("project_id", projectId, "content", "Stream it", "provider", "openai"))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + RestAssured.port + sent.getString("stream_url")))
                                .header("Cookie", alice.cookieHeader())
                                .header("Accept", "text/event-stream")
                                .header("Accept-Encoding", "gzip, deflate, br, zstd")
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        // Quarkus marks responses it must not compress "identity": the bytes are the events as written.
        assertThat(response.headers().firstValue("Content-Encoding").orElse("identity"))
                .isEqualTo("identity");
        assertThat(response.body()).contains("event:done");
    }

    @Test
    void aDroppedStreamResumesFromLastEventIdWithoutLosingOrRepeatingText() throws Exception {
        String answer = IntStream.range(0, 30).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        upstream.script("openai", FakeReply.text(answer, 30).delay(Duration.ofMillis(40)));
        String url = send(alice, Map.of("content", "Count", "provider", "openai"))
                .then()
                .statusCode(201)
                .extract()
                .path("stream_url");

        List<SseReader.Event> first = SseReader.read(
                alice,
                url,
                null,
                events -> events.stream()
                                .filter(event -> event.name().equals("token"))
                                .count()
                        >= 4);
        List<SseReader.Event> rest =
                SseReader.read(alice, url, SseReader.lastId(first), events -> events.get(events.size() - 1)
                        .name()
                        .equals("done"));

        assertThat(text(first) + text(rest)).isEqualTo(answer);
    }

    @Test
    void anApiKeyWithTheChatScopeSendsAndPollsAndOneWithoutItIsRefused() throws Exception {
        upstream.script("openai", FakeReply.text("Answered for the key.", 3));
        String chatKey = ApiKeys.create(alice, "chat-bot", "chat");
        String projectsKey = ApiKeys.create(alice, "projects-bot", "projects:read");

        String replyId = ApiKeys.bearer(chatKey)
                .body(Map.of("content", "Hello from a script", "model", "openai/gpt-4o-mini"))
                .post("/api/chat")
                .then()
                .statusCode(201)
                .extract()
                .path("reply.id");
        JsonPath reply = null;
        for (int i = 0; i < 100; i++) {
            reply = ApiKeys.bearer(chatKey)
                    .get("/api/chat/messages/" + replyId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!reply.getString("status").equals("streaming")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(reply.getString("status")).isEqualTo("complete");
        assertThat(reply.getString("content")).isEqualTo("Answered for the key.");

        ApiKeys.bearer(projectsKey)
                .body(Map.of("content", "Hi", "provider", "openai"))
                .post("/api/chat")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("chat scope"));
        ApiKeys.bearer(projectsKey).get("/api/chat/messages/" + replyId).then().statusCode(403);
    }

    @Test
    void refusalsAreClear4xxAndStoreNothing() {
        send(alice, Map.of("project_id", projectId, "content", "Hi", "provider", "anthropic"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("There is no Anthropic key you can use here"));
        send(alice, Map.of("project_id", projectId, "content", "   ", "provider", "openai"))
                .then()
                .statusCode(422)
                .body("detail", equalTo("Write a message first."));
        alice.api().post("/api/chat").then().statusCode(422);

        Browser bob = Browser.signedUp("Bob Api Chat");
        String bobsProject = bob.createProject("bobs");
        send(alice, Map.of("project_id", bobsProject, "content", "Hi", "provider", "openai"))
                .then()
                .statusCode(404);
        alice.api().get("/api/chat/" + bobsProject).then().statusCode(404);
        send(alice, Map.of("conversation_id", UUID.randomUUID().toString(), "content", "Hi", "provider", "openai"))
                .then()
                .statusCode(404);

        alice.api().get("/api/chat/" + projectId).then().statusCode(200).body("messages.size()", equalTo(0));
    }

    @Test
    void anotherPersonsMessagesAnswer404() {
        upstream.script("openai", FakeReply.text("private", 1));
        String replyId = send(alice, Map.of("content", "Secret", "provider", "openai"))
                .then()
                .statusCode(201)
                .extract()
                .path("reply.id");
        Browser bob = Browser.signedUp("Bob Nosy");
        bob.get("/settings");

        bob.api().get("/api/chat/messages/" + replyId).then().statusCode(404);
        bob.api()
                .accept("text/event-stream")
                .get("/api/chat/messages/" + replyId + "/events")
                .then()
                .statusCode(404);
        bob.api().post("/api/chat/messages/" + replyId + "/stop").then().statusCode(404);
        bob.api().delete("/api/chat/" + replyId).then().statusCode(404);
    }

    @Test
    void theDailyLlmRequestsAnswer429WithRetryAfter() throws Exception {
        Workspaces.setPlan(alice.workspaceId(), PlanId.FREE);
        upstream.script("openai", FakeReply.text("ok", 1));
        for (int i = 0; i < 2; i++) {
            SseReader.readAll(
                    alice,
                    send(alice, Map.of("content", "Q" + i, "provider", "openai"))
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("stream_url"));
        }

        Response refused = send(alice, Map.of("content", "One more", "provider", "openai"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.jsonPath().getString("detail")).contains("LLM requests limit reached");
    }

    @Test
    void stopDeleteAndClear() throws Exception {
        String answer = IntStream.range(0, 200).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
        upstream.script("openai", FakeReply.text(answer, 200).delay(Duration.ofMillis(40)));
        JsonPath sent = send(alice, Map.of("project_id", projectId, "content", "Long", "provider", "openai"))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String replyId = sent.getString("reply.id");
        SseReader.read(alice, sent.getString("stream_url"), null, events -> events.size() >= 3);

        JsonPath stopped = alice.api()
                .post("/api/chat/messages/" + replyId + "/stop")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stopped.getString("status")).isEqualTo("cancelled");
        assertThat(answer).startsWith(stopped.getString("content"));
        assertThat(stopped.getString("content")).isNotEmpty();

        alice.api().delete("/api/chat/" + replyId).then().statusCode(204);
        alice.api().get("/api/chat/messages/" + replyId).then().statusCode(404);
        assertThat(alice.api().get("/api/chat/" + projectId).jsonPath().getList("messages"))
                .hasSize(1);

        alice.api().post("/api/chat/" + projectId + "/clear").then().statusCode(204);
        alice.api()
                .get("/api/chat/" + projectId)
                .then()
                .statusCode(200)
                .body("conversation_id", equalTo(sent.getString("conversation_id")))
                .body("messages.size()", equalTo(0));
    }

    private static Response send(Browser browser, Map<String, String> body) {
        browser.get("/settings");
        return browser.api().body(new HashMap<>(body)).post("/api/chat");
    }

    /** The text of the token events, each {"text": ...}. */
    private static String text(List<SseReader.Event> events) throws Exception {
        StringBuilder text = new StringBuilder();
        for (SseReader.Event event : events) {
            if (event.name().equals("token")) {
                text.append(JSON.readTree(event.data()).path("text").asText());
            }
        }
        return text.toString();
    }
}
