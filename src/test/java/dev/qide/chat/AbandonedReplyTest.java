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
import dev.qide.support.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A reply nobody reads any more (the tab was closed) is stopped after a while, and the provider is let go. */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
@TestProfile(AbandonedReplyTest.QuickToGiveUp.class)
class AbandonedReplyTest {

    public static class QuickToGiveUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qide.chat.abandon-after", "1s");
        }
    }

    @Test
    void aReplyLeftUnreadIsStoppedKeepingWhatWasWritten() throws Exception {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();
        Browser dana = Browser.signedUp("Dana Leaves");
        addKey(dana, "openai", "sk-abandon-test-0123456789", "gpt-4o-mini");
        String answer = IntStream.range(0, 400).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        upstream.script("openai", FakeReply.text(answer, 400).delay(Duration.ofMillis(50)));
        UUID reply = send(dana, startConversation(dana), "Go on and on", "openai/gpt-4o-mini");

        SseReader.read(dana, streamPath(reply), null, events -> events.size() >= 3);

        assertThat(upstream.awaitClientDisconnects(1, Duration.ofSeconds(10))).isTrue();
        ChatMessage stopped = ChatStreamingTest.awaitEnd(reply);
        assertThat(stopped.status).isEqualTo(MessageStatus.CANCELLED);
        assertThat(stopped.notice).contains("nobody was reading");
        assertThat(stopped.content).isNotEmpty();
        assertThat(answer).startsWith(stopped.content).isNotEqualTo(stopped.content);
    }
}
