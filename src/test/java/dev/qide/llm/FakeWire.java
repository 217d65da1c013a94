package dev.qide.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a reply in each provider's streaming wire format, field for field as in the recorded transcripts of
 * {@code fixtures/llm/} (a derived reply, not a recording): for tests that need a known text, length or usage.
 */
final class FakeWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeWire() {}

    /** The SSE events (each ending with a blank line) of a reply made of {@code pieces}. */
    static List<String> events(WireFormat wire, String model, List<String> pieces, int inputTokens, int outputTokens) {
        return switch (wire) {
            case OPENAI_CHAT -> openAi(model, pieces, inputTokens, outputTokens);
            case ANTHROPIC_MESSAGES -> anthropic(model, pieces, inputTokens, outputTokens);
            case GEMINI -> gemini(model, pieces, inputTokens, outputTokens);
        };
    }

    /** {@code text} cut into {@code tokens} pieces of nearly equal length (fewer if the text is shorter). */
    static List<String> split(String text, int tokens) {
        int[] codePoints = text.codePoints().toArray();
        int count = Math.max(1, Math.min(tokens, codePoints.length));
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = (int) ((long) codePoints.length * i / count);
            int to = (int) ((long) codePoints.length * (i + 1) / count);
            pieces.add(new String(codePoints, from, to - from));
        }
        return pieces;
    }

    private static List<String> openAi(String model, List<String> pieces, int in, int out) {
        List<String> events = new ArrayList<>();
        events.add(
                data(openAiChunk(model, delta -> delta.put("role", "assistant").put("content", ""), null)));
        for (String piece : pieces) {
            events.add(data(openAiChunk(model, delta -> delta.put("content", piece), null)));
        }
        events.add(data(openAiChunk(model, delta -> {}, "stop")));
        ObjectNode usageChunk = openAiBase(model);
        usageChunk.putArray("choices");
        usageChunk
                .putObject("usage")
                .put("prompt_tokens", in)
                .put("completion_tokens", out)
                .put("total_tokens", in + out);
        events.add(data(usageChunk));
        events.add("data: [DONE]\n\n");
        return events;
    }

    private static ObjectNode openAiBase(String model) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-fake")
                .put("object", "chat.completion.chunk")
                .put("created", 1727346168)
                .put("model", model);
        return chunk;
    }

    private static ObjectNode openAiChunk(
            String model, java.util.function.Consumer<ObjectNode> delta, String finishReason) {
        ObjectNode chunk = openAiBase(model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static List<String> anthropic(String model, List<String> pieces, int in, int out) {
        List<String> events = new ArrayList<>();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message")
                .put("id", "msg_fake")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", in).put("output_tokens", 1);
        events.add(named("message_start", start));
        ObjectNode blockStart =
                JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        events.add(named("content_block_start", blockStart));
        events.add("event: ping\ndata: {\"type\": \"ping\"}\n\n");
        for (String piece : pieces) {
            ObjectNode delta =
                    JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            events.add(named("content_block_delta", delta));
        }
        events.add(named(
                "content_block_stop",
                JSON.createObjectNode().put("type", "content_block_stop").put("index", 0)));
        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", out);
        events.add(named("message_delta", messageDelta));
        events.add(named("message_stop", JSON.createObjectNode().put("type", "message_stop")));
        return events;
    }

    private static List<String> gemini(String model, List<String> pieces, int in, int out) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            ObjectNode chunk = JSON.createObjectNode();
            ObjectNode candidate = chunk.putArray("candidates").addObject();
            ObjectNode content = candidate.putObject("content");
            content.putArray("parts").addObject().put("text", pieces.get(i));
            content.put("role", "model");
            if (last) {
                candidate.put("finishReason", "STOP");
            }
            ObjectNode usage = chunk.putObject("usageMetadata").put("promptTokenCount", in);
            if (last) {
                usage.put("candidatesTokenCount", out);
            }
            usage.put("totalTokenCount", last ? in + out : in);
            chunk.put("modelVersion", model);
            events.add(data(chunk));
        }
        return events;
    }

    private static String data(ObjectNode json) {
        return "data: " + json + "\n\n";
    }

    private static String named(String event, ObjectNode json) {
        return "event: " + event + "\ndata: " + json + "\n\n";
    }
}
