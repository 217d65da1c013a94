package dev.qide.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Locale;

/** Passes what a LangChain4j model streams on to a {@link ProviderStream}: text, the end with its usage, or the failure. */
final class ProviderStreamHandler implements StreamingChatResponseHandler {

    private final ProviderStream reply;
    private final ProviderErrors errors;

    ProviderStreamHandler(ProviderStream reply, ProviderErrors errors) {
        this.reply = reply;
        this.errors = errors;
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        reply.token(partialResponse.text());
    }

    @Override
    public void onPartialResponse(String partialResponse) {
        reply.token(partialResponse);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        reply.complete(
                usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount(),
                finishReason(response.finishReason()));
    }

    @Override
    public void onError(Throwable error) {
        reply.fail(errors.fromThrowable(error));
    }

    /** LangChain4j's finish reasons in the words OpenAI made common: stop, length, tool_calls, content_filter. */
    static String finishReason(FinishReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
    }
}
