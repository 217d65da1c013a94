package dev.qide.llm;

import java.util.List;

/** One chat completion to stream: the endpoint, the provider's model id, the turns and the most tokens to write. */
public record LlmRequest(ProviderEndpoint endpoint, String model, List<ChatTurn> turns, int maxOutputTokens) {

    public LlmRequest {
        turns = List.copyOf(turns);
    }
}
