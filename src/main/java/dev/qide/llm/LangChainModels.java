package dev.qide.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;

/**
 * LangChain4j's provider models (OpenAI chat, Anthropic messages, Gemini), built for one request with its key, base
 * URL and model over our transport; building one costs microseconds and keeps no state between requests.
 */
final class LangChainModels {

    private static final String NO_KEY = "none";

    private LangChainModels() {}

    /** Starts streaming {@code reply}'s request; the model reports to {@code handler}. */
    static void stream(WireFormat wire, ProviderStream reply, HttpClientBuilder http) {
        LlmRequest request = reply.request();
        StreamingChatModel model = build(wire, request, http);
        model.chat(
                ChatRequest.builder().messages(messages(request.turns())).build(),
                new ProviderStreamHandler(reply, new ProviderErrors(reply)));
    }

    private static StreamingChatModel build(WireFormat wire, LlmRequest request, HttpClientBuilder http) {
        ProviderEndpoint endpoint = request.endpoint();
        String key = endpoint.apiKey() == null || endpoint.apiKey().isBlank() ? NO_KEY : endpoint.apiKey();
        return switch (wire) {
            case OPENAI_CHAT -> {
                OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder = OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(endpoint.baseUrl())
                        .apiKey(key)
                        .modelName(request.model());
                // OpenAI's newer models accept only max_completion_tokens; compatible servers know max_tokens.
                yield "openai".equals(endpoint.providerId())
                        ? builder.maxCompletionTokens(request.maxOutputTokens()).build()
                        : builder.maxTokens(request.maxOutputTokens()).build();
            }
            case ANTHROPIC_MESSAGES ->
                AnthropicStreamingChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(endpoint.baseUrl())
                        .apiKey(key)
                        .modelName(request.model())
                        .maxTokens(request.maxOutputTokens())
                        .build();
            case GEMINI ->
                GoogleAiGeminiStreamingChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(endpoint.baseUrl())
                        .apiKey(key)
                        .modelName(request.model())
                        .maxOutputTokens(request.maxOutputTokens())
                        .build();
        };
    }

    private static List<ChatMessage> messages(List<ChatTurn> turns) {
        return turns.stream()
                .map(turn -> switch (turn.role()) {
                    case SYSTEM -> (ChatMessage) SystemMessage.from(turn.text());
                    case USER -> UserMessage.from(turn.text());
                    case ASSISTANT -> AiMessage.from(turn.text());
                })
                .toList();
    }
}
