package dev.qide.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error as OpenAI's API writes it, {@code {"error": {"message", "type", "code"}}}, so that OpenAI clients pointed
 * at {@code /v1} read it (and raise the right exception for its status).
 */
public record OpenAiError(Body error) {

    /** The error itself; {@code param} is always null here, {@code reference} the log reference of a 500. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(
            String message,
            String type,
            String param,
            String code,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reference) {}

    public static OpenAiError of(int status, String message, String reference) {
        return new OpenAiError(new Body(message, type(status), null, code(status), reference));
    }

    static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 502, 503, 504 -> "upstream_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    static String code(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 403 -> "insufficient_scope";
            case 404 -> "not_found";
            case 429 -> "rate_limit_exceeded";
            case 502 -> "provider_failed";
            default -> null;
        };
    }
}
