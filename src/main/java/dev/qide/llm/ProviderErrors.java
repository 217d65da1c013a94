package dev.qide.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.qide.llm.LlmFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Says why a provider call failed, as an {@link LlmFailure} a person can act on: from an HTTP status and error body,
 * an error event inside a stream, or a broken connection. Messages are our own words; a provider's text appears only
 * as a short excerpt with every fragment of the key and anything key-like removed.
 */
final class ProviderErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTEXT_TOO_LONG =
            Pattern.compile("prompt is too long|context[ _-]length|context window|maximum context|too many tokens"
                    + "|input token count.*exceeds|exceeds the maximum number of tokens|input is too long");
    private static final Pattern NO_CREDIT = Pattern.compile(
            "insufficient_quota|credit balance is too low|insufficient credits|insufficient balance|payment required");
    private static final Pattern KEY_LIKE =
            Pattern.compile("(?i)\\b(?:sk|pk|rk|key|AIza)[-_A-Za-z0-9*.]{6,}|[A-Za-z0-9_-]{24,}");
    private static final int EXCERPT = 160;

    private final String provider;
    private final String model;
    private final String apiKey;
    private final String host;

    ProviderErrors(ProviderStream reply) {
        this(reply.providerName(), reply.request().model(), reply.endpoint());
    }

    ProviderErrors(String providerName, String model, ProviderEndpoint endpoint) {
        this.provider = providerName;
        this.model = model;
        this.apiKey = endpoint.apiKey();
        this.host = hostOf(endpoint.baseUrl());
    }

    /** The provider answered {@code status} with {@code body} instead of a reply. */
    LlmFailure fromStatus(int status, String body) {
        return classify(status, ErrorBody.parse(body));
    }

    /** The same, when the provider also said when to try again (kept only for failures that pass). */
    LlmFailure fromStatus(int status, String body, Optional<Duration> retryAfter) {
        LlmFailure failure = fromStatus(status, body);
        return retryAfter.isPresent() && failure.kind().isTransient()
                ? new LlmFailure(failure.kind(), failure.getMessage(), retryAfter.get())
                : failure;
    }

    /** An error event inside a stream that began with HTTP 200 (OpenRouter {@code data: {"error":…}}, Anthropic). */
    LlmFailure fromEvent(JsonNode event) {
        ErrorBody error = ErrorBody.of(event);
        int status = error.numericCode();
        return classify(status, error);
    }

    /** The call failed without an HTTP answer, or LangChain4j reported it. */
    LlmFailure fromThrowable(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof LlmFailure failure) {
                return failure;
            }
            if (cause instanceof HttpException http) {
                return fromStatus(http.statusCode(), http.getMessage());
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return new LlmFailure(Kind.TIMEOUT, "No connection to " + provider + " at " + host + " in time.");
            }
            if (cause instanceof HttpTimeoutException) {
                return new LlmFailure(Kind.TIMEOUT, provider + " did not start answering in time.");
            }
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException) {
                return new LlmFailure(
                        Kind.UNREACHABLE,
                        "Could not connect to " + provider + " at " + host + " (" + reason(cause) + ").");
            }
            if (cause instanceof SSLException) {
                return new LlmFailure(
                        Kind.UNREACHABLE, "Could not make a secure connection to " + provider + " at " + host + ".");
            }
        }
        if (thrown instanceof IOException || thrown.getCause() instanceof IOException) {
            return new LlmFailure(Kind.UNREACHABLE, "The connection to " + provider + " at " + host + " broke.");
        }
        String type = anthropicStreamingErrorType(thrown);
        if (type != null) {
            return classify(0, new ErrorBody(type, null, null, safe(thrown.getMessage()), null));
        }
        return unreadable();
    }

    LlmFailure idle(Duration idleTimeout) {
        return new LlmFailure(
                Kind.TIMEOUT,
                provider + " sent nothing for " + idleTimeout.toSeconds() + " s, so the reply was given up.");
    }

    LlmFailure endedEarly() {
        return new LlmFailure(Kind.PROVIDER_ERROR, provider + " ended the reply before it was complete.");
    }

    LlmFailure unreadable() {
        return new LlmFailure(Kind.PROVIDER_ERROR, provider + " sent a reply that could not be read.");
    }

    private LlmFailure classify(int status, ErrorBody error) {
        String all = error.searchable();
        if (error.is("model_not_found") || error.is("not_found_error") || "NOT_FOUND".equals(error.status())) {
            return modelNotAvailable();
        }
        if (status == 401
                || status == 403
                || error.is("authentication_error")
                || error.is("permission_error")
                || error.is("invalid_api_key")
                || all.contains("api_key_invalid")
                || "UNAUTHENTICATED".equals(error.status())
                || "PERMISSION_DENIED".equals(error.status())) {
            return new LlmFailure(
                    Kind.BAD_KEY,
                    "The provider refused the key: " + provider
                            + " does not accept it (wrong, revoked, or without access to this API).");
        }
        if (status == 402 || NO_CREDIT.matcher(all).find()) {
            return new LlmFailure(
                    Kind.NO_CREDIT, provider + " says the account behind this key has no credit or quota left.");
        }
        if (error.is("context_length_exceeded") || CONTEXT_TOO_LONG.matcher(all).find()) {
            return new LlmFailure(
                    Kind.CONTEXT_TOO_LONG,
                    "The conversation is too long for " + model + " at " + provider
                            + ": shorten it or start a new one.");
        }
        if (status == 404) {
            return modelNotAvailable();
        }
        if (status == 429
                || error.is("rate_limit_error")
                || error.is("rate_limit_exceeded")
                || "RESOURCE_EXHAUSTED".equals(error.status())) {
            return new LlmFailure(
                    Kind.RATE_LIMITED, provider + " is limiting requests for this key right now; try again shortly.");
        }
        if (status == 408) {
            return new LlmFailure(Kind.TIMEOUT, provider + " gave up waiting for the request.");
        }
        if (status >= 500
                || error.is("overloaded_error")
                || error.is("api_error")
                || error.is("server_error")
                || "UNAVAILABLE".equals(error.status())
                || "INTERNAL".equals(error.status())) {
            return new LlmFailure(
                    Kind.OVERLOADED,
                    provider + " is overloaded or failing" + (status > 0 ? " (HTTP " + status + ")" : "")
                            + "; try again shortly.");
        }
        if (status >= 400) {
            return new LlmFailure(
                    Kind.BAD_REQUEST,
                    provider + " refused the request (HTTP " + status + ")" + excerpt(error.message()) + ".");
        }
        return new LlmFailure(Kind.PROVIDER_ERROR, provider + " reported an error" + excerpt(error.message()) + ".");
    }

    private LlmFailure modelNotAvailable() {
        return new LlmFailure(
                Kind.MODEL_NOT_AVAILABLE, provider + " does not offer the model '" + model + "' to this key.");
    }

    /** ": " and the provider's message, without its final full stop (the sentence that quotes it has one). */
    private String excerpt(String message) {
        String safe = safe(message);
        if (safe.endsWith(".")) {
            safe = safe.substring(0, safe.length() - 1);
        }
        return safe.isEmpty() ? "" : ": " + safe;
    }

    /**
     * A provider's message made safe to show, store and log: one line, short, without any fragment of the key
     * ({@link KeyFragments}) or anything that looks like a key.
     */
    String safe(String message) {
        if (message == null) {
            return "";
        }
        String text = KeyFragments.redact(message, apiKey);
        text = KEY_LIKE.matcher(text).replaceAll("…");
        text = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }

    private static String reason(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return "unknown host";
    }

    private static String hostOf(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (RuntimeException e) {
            return "its address";
        }
    }

    private static String anthropicStreamingErrorType(Throwable thrown) {
        if (thrown.getClass().getSimpleName().equals("AnthropicStreamingException")) {
            try {
                return String.valueOf(thrown.getClass().getMethod("type").invoke(thrown));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    /** The parts of the providers' error shapes that tell errors apart. */
    private record ErrorBody(String type, String code, String status, String message, String details) {

        static ErrorBody parse(String body) {
            if (body == null || body.isBlank()) {
                return new ErrorBody(null, null, null, null, null);
            }
            try {
                return of(JSON.readTree(body));
            } catch (IOException e) {
                return new ErrorBody(null, null, null, body, null);
            }
        }

        /** OpenAI {@code {error:{type,code,message}}}, Anthropic {@code {type:error,error:{type,message}}}, Gemini {@code {error:{code,status,message,details}}}, Cohere {@code {message}}. */
        static ErrorBody of(JsonNode root) {
            JsonNode error = root.path("error").isObject() ? root.path("error") : root;
            return new ErrorBody(
                    error.path("type").isTextual() ? error.path("type").asText() : null,
                    error.path("code").isMissingNode() || error.path("code").isNull()
                            ? null
                            : error.path("code").asText(),
                    error.path("status").isTextual() ? error.path("status").asText() : null,
                    error.path("message").asText(null),
                    error.path("details").isMissingNode()
                            ? null
                            : error.path("details").toString());
        }

        boolean is(String typeOrCode) {
            return typeOrCode.equals(type) || typeOrCode.equals(code);
        }

        int numericCode() {
            try {
                return code == null ? 0 : Integer.parseInt(code);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        String searchable() {
            return String.join(
                            " ",
                            String.valueOf(type),
                            String.valueOf(code),
                            String.valueOf(message),
                            String.valueOf(details))
                    .toLowerCase(Locale.ROOT);
        }
    }
}
