package dev.qide.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Stands between the SSE parser and a model's listener: stops at error events sent after HTTP 200 (which LangChain4j
 * would report as a complete reply, LLM-CLIENTS.md pitfalls 1 and 2), notes the provider's end marker, and decides
 * what an end of stream means.
 */
final class SseGate implements ServerSentEventListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderStream reply;
    private final ServerSentEventListener model;
    private final Predicate<ServerSentEvent> endOfReply;
    private final ProviderErrors errors;
    private boolean endSeen;
    private Throwable broken;

    SseGate(
            ProviderStream reply,
            ServerSentEventListener model,
            Predicate<ServerSentEvent> endOfReply,
            ProviderErrors errors) {
        this.reply = reply;
        this.model = model;
        this.endOfReply = endOfReply;
        this.errors = errors;
    }

    @Override
    public void onOpen(SuccessfulHttpResponse response) {
        model.onOpen(response);
    }

    @Override
    public void onEvent(ServerSentEvent event) {
        onEvent(event, null);
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
        if (!reply.isOpen()) {
            if (context != null) {
                context.parsingHandle().cancel();
            }
            return;
        }
        JsonNode error = errorIn(event);
        if (error != null) {
            reply.fail(errors.fromEvent(error));
            return;
        }
        if (endOfReply.test(event)) {
            endSeen = true;
        }
        try {
            if (context != null) {
                model.onEvent(event, context);
            } else {
                model.onEvent(event);
            }
        } catch (RuntimeException e) {
            reply.fail(errors.unreadable());
        }
    }

    @Override
    public void onError(Throwable error) {
        broken = error;
    }

    @Override
    public void onClose() {
        // the transport calls streamEnded instead, once it knows why the stream ended
    }

    /** The parser returned: at the end of the body, or because reading failed ({@code idle} when it went silent). */
    void streamEnded(LlmFailure idle) {
        if (!reply.isOpen()) {
            return;
        }
        if (idle != null) {
            reply.fail(idle);
        } else if (broken != null) {
            reply.fail(errors.fromThrowable(broken));
        } else if (!endSeen) {
            reply.fail(errors.endedEarly());
        } else {
            model.onClose();
            if (reply.isOpen()) {
                reply.fail(errors.endedEarly());
            }
        }
    }

    /** The error object of an event that reports one: Anthropic's {@code event: error}, or data with an {@code error} object. */
    private static JsonNode errorIn(ServerSentEvent event) {
        String data = event.data();
        boolean named = "error".equals(event.event());
        if (data == null || (!named && !data.contains("\"error\""))) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(data);
            if (json != null
                    && (named
                            || json.path("error").isObject()
                            || "error".equals(json.path("type").asText()))) {
                return json;
            }
        } catch (IOException e) {
            return named ? JSON.createObjectNode() : null;
        }
        return null;
    }
}
