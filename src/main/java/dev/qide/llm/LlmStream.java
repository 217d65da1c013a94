package dev.qide.llm;

/** A reply being streamed. */
public interface LlmStream {

    /**
     * Stops the reply and closes the connection to the provider, at any point (also before the first token).
     * After a cancel the listener may get no further call.
     */
    void cancel();

    /**
     * What the reply has cost so far, estimated from its text (about four characters a token): what to account for
     * a reply that was cancelled, since providers report usage only at the end.
     */
    LlmUsage estimatedUsage();
}
