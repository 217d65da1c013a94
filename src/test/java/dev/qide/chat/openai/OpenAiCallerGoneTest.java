package dev.qide.chat.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.chat.ChatTestSupport;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.chat.conversation.TokenEstimate;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.quota.Meter;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code /v1} caller that goes away stops the upstream at once (well before the chat's abandoned-reply timer, 30 s):
 * the provider sees its connection closed, and the reply is recorded as cancelled with what was written, its tokens
 * estimated; the call still counts as the one LLM request it was.
 */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class OpenAiCallerGoneTest {

    private static final String OPENAI_KEY = "sk-test-openai-gone-0123456789";
    /** 400 pieces, one every 50 ms: 20 s if nobody stops it. */
    private static final String LONG_ANSWER =
            IntStream.range(0, 400).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    private FakeLlmServer upstream;
    private Browser carol;
    private String chatKey;

    @BeforeEach
    void setUp() {
        upstream = FakeLlmResource.server();
        upstream.reset();
        carol = Browser.signedUp("Carol Leaves");
        Workspaces.setPlan(carol.workspaceId(), PlanId.PRO);
        ChatTestSupport.addKey(carol, "openai", OPENAI_KEY, "gpt-4o-mini");
        chatKey = ApiKeys.create(carol, "leaver", "chat");
        upstream.script("openai", FakeReply.text(LONG_ANSWER, 400).delay(Duration.ofMillis(50)));
    }

    @Test
    void aStreamingCallerThatClosesItsConnectionStopsTheUpstream() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/chat/completions"))
                            .header("Authorization", "Bearer " + chatKey)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body("Stream a lot", true)))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            InputStream in = response.body();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int contentChunks = 0;
            while (contentChunks < 5) {
                String line = lines.readLine();
                assertThat(line).as("the stream goes on").isNotNull();
                if (line.startsWith("data: ") && line.contains("\"delta\":{\"content\":")) {
                    contentChunks++;
                }
            }
            in.close(); // the caller gives up mid-stream
        }

        assertThat(upstream.awaitClientDisconnects(1, PROMPTLY))
                .as("the provider sees its connection closed promptly")
                .isTrue();
        ChatMessage reply = awaitEnd("API key leaver: Stream a lot");
        assertThat(reply.status).isEqualTo(MessageStatus.CANCELLED);
        assertThat(reply.content).isNotEmpty();
        assertThat(LONG_ANSWER).startsWith(reply.content).isNotEqualTo(reply.content);
        assertThat(reply.notice).contains("caller disconnected");
        assertCounted(reply);
    }

    @Test
    void aCallerWaitingForAWholeCompletionThatHangsUpStopsTheUpstream() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            byte[] body = body("Answer at length", false).getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + chatKey
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            awaitUpstreamStarted();
        } // the caller hangs up before the answer

        assertThat(upstream.awaitClientDisconnects(1, PROMPTLY))
                .as("the provider sees its connection closed promptly")
                .isTrue();
        ChatMessage reply = awaitEnd("API key leaver: Answer at length");
        assertThat(reply.status).isEqualTo(MessageStatus.CANCELLED);
        assertThat(LONG_ANSWER).startsWith(reply.content).isNotEqualTo(reply.content);
        assertCounted(reply);
    }

    /** One LLM request for the call; tokens estimated, as for any stopped reply. */
    private void assertCounted(ChatMessage reply) {
        assertThat(upstream.requests()).hasSize(1);
        assertThat(Workspaces.used(carol.workspaceId(), Meter.LLM_REQUESTS)).isEqualTo(1);
        assertThat(reply.tokensEstimated).isTrue();
        assertThat(reply.tokensOut).isEqualTo(TokenEstimate.of(reply.content));
        assertThat(reply.tokensIn).isPositive();
    }

    /** Waits until the provider has sent some of the reply. */
    private void awaitUpstreamStarted() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (upstream.requests().isEmpty() || upstream.connectionsOpen() == 0) {
            assertThat(System.nanoTime()).as("the upstream was asked").isLessThan(deadline);
            Thread.sleep(10);
        }
        Thread.sleep(300);
    }

    private static ChatMessage awaitEnd(String title) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            ChatMessage reply = QuarkusTransaction.requiringNew().call(() -> {
                Conversation conversation =
                        Conversation.<Conversation>find("title", title).firstResult();
                List<ChatMessage> messages = conversation == null ? List.of() : ChatMessage.of(conversation.id);
                return messages.size() < 2 ? null : messages.get(1);
            });
            if (reply != null && reply.status != MessageStatus.STREAMING) {
                return reply;
            }
            assertThat(System.nanoTime()).as("the reply ended").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String body(String question, boolean stream) {
        return "{\"model\":\"openai/gpt-4o-mini\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + question + "\"}]}";
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port + "/v1";
    }
}
