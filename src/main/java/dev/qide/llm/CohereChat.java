package dev.qide.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;
import java.util.Locale;

/**
 * Cohere's v2 chat, streamed ({@code POST {base}/chat}): LangChain4j has no Cohere chat model, so this writes the
 * request and reads the events itself, over the same transport as the other providers.
 */
final class CohereChat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CohereChat() {}

    static void stream(ProviderStream reply, HttpClientBuilder http) {
        LlmRequest request = reply.request();
        HttpRequest httpRequest = HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(request.endpoint().baseUrl() + "/chat")
                .addHeader("Authorization", "Bearer " + request.endpoint().apiKey())
                .addHeader("Content-Type", "application/json")
                .addHeader("Accept", "text/event-stream")
                .body(body(request))
                .build();
        http.build().execute(httpRequest, new DefaultServerSentEventParser(), new Events(reply));
    }

    static String body(LlmRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (ChatTurn turn : request.turns()) {
            messages.addObject()
                    .put("role", turn.role().name().toLowerCase(Locale.ROOT))
                    .put("content", turn.text());
        }
        body.put("stream", true);
        body.put("max_tokens", request.maxOutputTokens());
        return body.toString();
    }

    /** Reads Cohere's events: text in content-delta, finish reason and usage in message-end; the rest is ignored. */
    private static final class Events implements ServerSentEventListener {

        private final ProviderStream reply;

        Events(ProviderStream reply) {
            this.reply = reply;
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            String data = event.data().strip();
            if (data.isEmpty() || "[DONE]".equals(data)) {
                return;
            }
            JsonNode json;
            try {
                json = JSON.readTree(data);
            } catch (IOException e) {
                reply.fail(new ProviderErrors(reply).unreadable());
                return;
            }
            String type = json.path("type").asText(event.event() == null ? "" : event.event());
            switch (type) {
                case "content-delta" ->
                    reply.token(json.path("delta")
                            .path("message")
                            .path("content")
                            .path("text")
                            .asText(""));
                case "message-end" -> end(json.path("delta"));
                default -> {
                    // message-start, content-start/-end, tool and citation events: nothing to pass on
                }
            }
        }

        private void end(JsonNode delta) {
            String finish = delta.path("finish_reason").asText("");
            if ("ERROR".equals(finish)) {
                reply.fail(new LlmFailure(
                        LlmFailure.Kind.PROVIDER_ERROR, reply.providerName() + " reported an error during the reply."));
                return;
            }
            // billed_units is what Cohere charges for; tokens counts its prompt template too.
            JsonNode usage = delta.path("usage").path("billed_units");
            if (!usage.has("input_tokens")) {
                usage = delta.path("usage").path("tokens");
            }
            reply.complete(
                    usage.has("input_tokens") ? usage.path("input_tokens").asInt() : null,
                    usage.has("output_tokens") ? usage.path("output_tokens").asInt() : null,
                    finishReason(finish));
        }

        private static String finishReason(String cohere) {
            return switch (cohere) {
                case "COMPLETE", "STOP_SEQUENCE" -> "stop";
                case "MAX_TOKENS" -> "length";
                case "TOOL_CALL" -> "tool_calls";
                case "" -> "stop";
                default -> cohere.toLowerCase(Locale.ROOT);
            };
        }

        @Override
        public void onError(Throwable error) {
            // the transport reports broken streams itself
        }
    }
}
