package dev.qide.llm;

/**
 * Receives a streamed reply. Calls come from one thread per stream, in order: any number of {@link #onToken},
 * then exactly one of {@link #onComplete} or {@link #onFailure} (unless the stream was cancelled).
 */
public interface LlmStreamListener {

    /** The next piece of the reply's text (never empty). */
    void onToken(String text);

    /** The reply ended normally; {@code finishReason} as the provider said it (stop, length, ...). */
    void onComplete(LlmUsage usage, String finishReason);

    /** The reply failed: before the first token, or part-way through. */
    void onFailure(LlmFailure failure);
}
