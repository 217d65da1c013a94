package dev.qide.llm;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How each wire format says a reply is complete. A stream that ends before saying so was cut short (a proxy, a
 * crash), and LangChain4j would otherwise report it as complete or not at all (LLM-CLIENTS.md pitfall 2).
 */
final class StreamEnd {

    private static final Pattern OPENAI_FINISH = Pattern.compile("\"finish_reason\"\\s*:\\s*\"");
    private static final Pattern GEMINI_FINISH = Pattern.compile("\"finishReason\"\\s*:\\s*\"");

    private StreamEnd() {}

    /** Whether {@code event} marks the end of a complete reply in {@code wire}. */
    static Predicate<ServerSentEvent> of(WireFormat wire) {
        return switch (wire) {
            // [DONE], or a chunk with a finish reason: some OpenAI-compatible servers omit [DONE].
            case OPENAI_CHAT ->
                event -> "[DONE]".equals(event.data().strip())
                        || OPENAI_FINISH.matcher(event.data()).find();
            case ANTHROPIC_MESSAGES -> event -> "message_stop".equals(event.event());
            case GEMINI -> event -> GEMINI_FINISH.matcher(event.data()).find();
        };
    }
}
