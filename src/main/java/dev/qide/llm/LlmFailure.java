package dev.qide.llm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Why a provider call failed, in terms a person can act on. The message is safe to show and log: it never holds
 * the key or the provider's raw body.
 */
public class LlmFailure extends RuntimeException {

    /** The kinds of failure the application treats differently. */
    public enum Kind {
        /** The key was refused (401/403, Gemini's API_KEY_INVALID). */
        BAD_KEY(false),
        /** The account behind the key has no credit or quota left (OpenAI insufficient_quota). */
        NO_CREDIT(false),
        /** The model does not exist or the key may not use it. */
        MODEL_NOT_AVAILABLE(false),
        /** The conversation is longer than the model's context window. */
        CONTEXT_TOO_LONG(false),
        /** Any other request the provider refused (400). */
        BAD_REQUEST(false),
        /** Too many requests for now (429 rate limit). */
        RATE_LIMITED(true),
        /** The provider is overloaded or failed on its side (5xx, 529, Anthropic overloaded_error). */
        OVERLOADED(true),
        /** No connection could be made, or it broke. */
        UNREACHABLE(true),
        /** No answer, or no new data, within the configured time. */
        TIMEOUT(true),
        /** The provider ended the stream without saying it was complete, or said something we cannot read. */
        PROVIDER_ERROR(true);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether trying again later (or another provider now) may well succeed. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public LlmFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    /** A failure after which the provider said when to try again ({@code Retry-After}); null when it did not. */
    public LlmFailure(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider asked to wait before trying again, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The same failure told in other words (several providers' failures summed up, say). */
    public LlmFailure withMessage(String message) {
        return new LlmFailure(kind, message, retryAfter);
    }

    /**
     * Of the failures of the providers asked for one reply (in the order they were asked), the one that says what the
     * caller should do: a passing one when there is one (trying again may then work), else the first.
     */
    public static LlmFailure decisive(List<LlmFailure> failures) {
        return failures.stream()
                .filter(failure -> failure.kind().isTransient())
                .findFirst()
                .orElse(failures.get(0));
    }
}
