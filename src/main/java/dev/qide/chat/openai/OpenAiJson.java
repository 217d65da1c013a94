package dev.qide.chat.openai;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.web.OpenAiError;

/** The objects of OpenAI's chat API that {@code /v1} answers with: completions, stream chunks, usage. */
final class OpenAiJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenAiJson() {}

    /** A {@code chat.completion} for a reply that has ended. */
    static ObjectNode completion(String id, long created, ChatMessage reply) {
        ObjectNode completion = head(id, "chat.completion", created, reply);
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", reply.content);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(reply));
        completion.set("usage", usage(reply));
        return completion;
    }

    /** The first chunk of a stream: the role, no text yet. */
    static ObjectNode roleChunk(String id, long created, ChatMessage reply) {
        ObjectNode chunk = head(id, "chat.completion.chunk", created, reply);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return chunk;
    }

    static ObjectNode contentChunk(String id, long created, ChatMessage reply, String text) {
        ObjectNode chunk = head(id, "chat.completion.chunk", created, reply);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("content", text);
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return chunk;
    }

    static ObjectNode finishChunk(String id, long created, ChatMessage reply) {
        ObjectNode chunk = head(id, "chat.completion.chunk", created, reply);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(reply));
        return chunk;
    }

    /** The chunk {@code stream_options.include_usage} asks for: no choices, the usage. */
    static ObjectNode usageChunk(String id, long created, ChatMessage reply) {
        ObjectNode chunk = head(id, "chat.completion.chunk", created, reply);
        chunk.putArray("choices");
        chunk.set("usage", usage(reply));
        return chunk;
    }

    /** An error sent in-band, when a reply fails after its stream began. */
    static ObjectNode error(String message) {
        return error(OpenAiError.of(502, message, null));
    }

    /** {@code error} sent in-band. */
    static ObjectNode error(OpenAiError error) {
        ObjectNode node = NODES.objectNode();
        ObjectNode body = node.putObject("error");
        body.put("message", error.error().message());
        body.put("type", error.error().type());
        body.putNull("param");
        body.put("code", error.error().code());
        return node;
    }

    /** The model as the caller names it: {@code provider/model} of whoever answered. */
    static String model(ChatMessage reply) {
        return reply.provider + "/" + reply.model;
    }

    private static ObjectNode head(String id, String object, long created, ChatMessage reply) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("object", object);
        node.put("created", created);
        node.put("model", model(reply));
        return node;
    }

    private static ObjectNode usage(ChatMessage reply) {
        long in = reply.tokensIn == null ? 0 : reply.tokensIn;
        long out = reply.tokensOut == null ? 0 : reply.tokensOut;
        ObjectNode usage = NODES.objectNode();
        usage.put("prompt_tokens", in);
        usage.put("completion_tokens", out);
        usage.put("total_tokens", in + out);
        return usage;
    }

    private static String finishReason(ChatMessage reply) {
        return reply.status == MessageStatus.COMPLETE && reply.stoppedAtMaxTokens() ? "length" : "stop";
    }
}
