package dev.qide.run;

/**
 * Receives a run's output while the program runs. Called from a background thread, one chunk at a time (never
 * concurrently), in the order each stream produced it; the call should return quickly, as the program waits for it.
 */
@FunctionalInterface
public interface SandboxOutput {

    void accept(OutputChunk chunk);

    /** For callers that only want the result's captured output. */
    static SandboxOutput ignore() {
        return chunk -> {};
    }
}
