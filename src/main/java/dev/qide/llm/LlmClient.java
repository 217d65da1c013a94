package dev.qide.llm;

/** Talks to model providers in their own wire formats. The one way out of the application to an LLM. */
public interface LlmClient {

    /** Starts streaming a reply; returns at once, the listener hears the rest. */
    LlmStream stream(LlmRequest request, LlmStreamListener listener);

    /**
     * The cheapest call the provider offers that proves the key works for {@code model} (a one-token completion,
     * or a model listing), waiting for its answer.
     *
     * @throws LlmFailure saying what failed: bad key, no credit, model not available, unreachable, ...
     */
    void check(ProviderEndpoint endpoint, String model);
}
