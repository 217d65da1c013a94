package dev.qide.chat.openai;

import dev.qide.llm.LlmFailure;
import dev.qide.web.OpenAiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * How a provider's failure reaches an OpenAI client of {@code /v1}: the status its SDKs act on, OpenAI's error type
 * and code, and when to try again. OpenAI's SDKs retry 408, 409, 429 and 5xx (twice, by default) unless the answer
 * says {@code x-should-retry: false}; so a failure that trying again cannot fix (a bad key, no credit, a refused
 * request) gets a 4xx they do not retry, and that header as well, and one that passes (rate limited, provider down)
 * gets 429 or 5xx with the provider's {@code Retry-After}.
 */
final class OpenAiFailures {

    /** The header OpenAI's SDKs read before their own retry rules. */
    static final String SHOULD_RETRY = "x-should-retry";

    /** What a /v1 caller gets for one kind of failure. */
    record Answer(int status, String type, String code) {}

    private OpenAiFailures() {}

    static Answer answer(LlmFailure.Kind kind) {
        return switch (kind) {
            case BAD_KEY -> new Answer(401, "authentication_error", "invalid_provider_key");
            // OpenAI says 429 insufficient_quota, which SDKs retry; 402 Payment Required is what it means.
            case NO_CREDIT -> new Answer(402, "insufficient_quota", "insufficient_quota");
            case MODEL_NOT_AVAILABLE -> new Answer(404, "invalid_request_error", "model_not_found");
            case CONTEXT_TOO_LONG -> new Answer(400, "invalid_request_error", "context_length_exceeded");
            case BAD_REQUEST -> new Answer(400, "invalid_request_error", "provider_rejected_request");
            case RATE_LIMITED -> new Answer(429, "rate_limit_error", "rate_limit_exceeded");
            case OVERLOADED -> new Answer(503, "upstream_error", "provider_overloaded");
            case UNREACHABLE -> new Answer(502, "upstream_error", "provider_unreachable");
            case TIMEOUT -> new Answer(504, "upstream_error", "provider_timeout");
            case PROVIDER_ERROR -> new Answer(502, "upstream_error", "provider_failed");
        };
    }

    /**
     * The answer to a call whose reply failed before any of it was sent; {@code failure} null when the reason is not
     * known here (then it is the provider's failure, 502).
     */
    static Response response(LlmFailure failure, String message) {
        LlmFailure.Kind kind = kindOf(failure);
        Response.ResponseBuilder response = Response.status(answer(kind).status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error(failure, message));
        if (!kind.isTransient()) {
            response.header(SHOULD_RETRY, "false");
        }
        if (failure != null && kind.isTransient()) {
            failure.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, seconds(wait)));
        }
        return response.build();
    }

    /** The error body, OpenAI's {@code {"error": {message, type, param, code}}}. */
    static OpenAiError error(LlmFailure failure, String message) {
        Answer answer = answer(kindOf(failure));
        return new OpenAiError(new OpenAiError.Body(message, answer.type(), null, answer.code(), null));
    }

    private static LlmFailure.Kind kindOf(LlmFailure failure) {
        return failure == null ? LlmFailure.Kind.PROVIDER_ERROR : failure.kind();
    }

    /** Whole seconds, rounded up: Retry-After has no fractions, and too early is worse than a little late. */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
