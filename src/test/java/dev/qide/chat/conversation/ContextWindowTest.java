package dev.qide.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.llm.ChatRole;
import dev.qide.llm.ChatTurn;
import dev.qide.llm.LlmModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextWindowTest {

    private static final LlmModel SMALL = new LlmModel("small", "Small", 1000, 200, BigDecimal.ONE, BigDecimal.ONE);

    @Test
    void aConversationThatFitsIsSentWholeWithoutANotice() {
        List<ChatTurn> history = List.of(new ChatTurn(ChatRole.USER, "hi"), new ChatTurn(ChatRole.ASSISTANT, "hello"));

        ContextWindow.Fitted fitted = ContextWindow.fit("sys", history, "next?", Optional.empty(), SMALL, 4096);

        assertThat(fitted.turns()).extracting(ChatTurn::text).containsExactly("sys", "hi", "hello", "next?");
        assertThat(fitted.maxOutputTokens()).isEqualTo(200);
        assertThat(fitted.notice()).isEmpty();
    }

    @Test
    void theOldestMessagesGoFirstAndThePersonIsTold() {
        List<ChatTurn> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            history.add(new ChatTurn(
                    i % 2 == 0 ? ChatRole.USER : ChatRole.ASSISTANT, "message " + i + " " + "x".repeat(300)));
        }

        ContextWindow.Fitted fitted = ContextWindow.fit("sys", history, "latest", Optional.empty(), SMALL, 4096);

        List<String> texts = fitted.turns().stream().map(ChatTurn::text).toList();
        assertThat(texts.get(0)).isEqualTo("sys");
        assertThat(texts.get(texts.size() - 1)).isEqualTo("latest");
        assertThat(texts.get(texts.size() - 2)).startsWith("message 19");
        assertThat(texts).noneMatch(text -> text.startsWith("message 0 "));
        long estimate = texts.stream().mapToLong(TokenEstimate::of).sum() + 4L * texts.size();
        assertThat(estimate).isLessThanOrEqualTo(1000 - 200);
        assertThat(fitted.notice().orElseThrow())
                .contains("oldest messages were left out")
                .contains("Small");
    }

    @Test
    void anAttachmentTooLargeForTheWindowIsCutAndThePersonIsTold() {
        ContextWindow.Fitted fitted = ContextWindow.fit(
                "sys",
                List.of(),
                "Explain this",
                Optional.of(new ContextWindow.Attachment("big.py", "y".repeat(10_000))),
                SMALL,
                4096);

        String newest = fitted.turns().get(fitted.turns().size() - 1).text();
        assertThat(newest).startsWith("Context: big.py").endsWith("Explain this");
        assertThat(newest.length()).isLessThan(10_000);
        assertThat(fitted.notice().orElseThrow()).contains("The attached big.py was cut");
    }
}
