package dev.qide.chat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qide.llm.ChatRole;
import dev.qide.llm.ChatTurn;
import dev.qide.web.HttpProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code POST /v1/chat/completions} body as Q-IDE reads it: the model as {@code provider/model}, the conversation
 * (system messages joined into the system prompt, the last message the user's question, the rest history), and
 * whether to stream. Anything it cannot honour is refused with 400 rather than ignored silently.
 */
record OpenAiChatRequest(
        String model,
        String provider,
        String providerModel,
        Optional<String> systemPrompt,
        OptionalInt maxTokens,
        List<ChatTurn> history,
        String question,
        boolean stream,
        boolean includeUsage) {

    static OpenAiChatRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("Send a JSON object with model and messages.");
        }
        String model = body.path("model").asText("").strip();
        if (model.isEmpty()) {
            throw bad("model is required, as provider/model (such as openai/gpt-4o-mini).");
        }
        int slash = model.indexOf('/');
        String provider = slash < 0 ? model : model.substring(0, slash).strip().toLowerCase(Locale.ROOT);
        String providerModel = slash < 0 ? "" : model.substring(slash + 1).strip();
        if (body.path("n").asInt(1) != 1) {
            throw bad("Only n = 1 is supported.");
        }
        if (body.hasNonNull("tools") || body.hasNonNull("functions")) {
            throw bad("Tools and functions are not supported.");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw bad("messages must be a non-empty array.");
        }
        List<String> system = new ArrayList<>();
        List<ChatTurn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            String text = text(message.path("content"), i);
            switch (role) {
                case "system", "developer" -> system.add(text);
                case "user" -> turns.add(new ChatTurn(ChatRole.USER, text));
                case "assistant" -> turns.add(new ChatTurn(ChatRole.ASSISTANT, text));
                default -> throw bad("messages[" + i + "].role must be system, developer, user or assistant.");
            }
        }
        if (turns.isEmpty() || turns.get(turns.size() - 1).role() != ChatRole.USER) {
            throw bad("The last message (other than system ones) must be the user's.");
        }
        String question = turns.remove(turns.size() - 1).text();
        OptionalInt maxTokens = maxTokens(body);
        JsonNode stream = body.path("stream");
        return new OpenAiChatRequest(
                model,
                provider,
                providerModel,
                system.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", system)),
                maxTokens,
                List.copyOf(turns),
                question,
                stream.asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false));
    }

    /** {@code max_completion_tokens} (or the older {@code max_tokens}): the most tokens the reply may have. */
    private static OptionalInt maxTokens(JsonNode body) {
        JsonNode value =
                body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw bad("max_tokens must be a whole number of at least 1.");
        }
        return OptionalInt.of(value.asInt());
    }

    /** A message's text: a string, or an array of text parts. */
    private static String text(JsonNode content, int index) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText())
                        || !part.path("text").isTextual()) {
                    throw bad("messages[" + index + "]: only text content parts are supported.");
                }
                text.append(part.path("text").asText());
            }
            return text.toString();
        }
        throw bad("messages[" + index + "].content must be text.");
    }

    private static HttpProblem bad(String message) {
        return new HttpProblem(400, message);
    }
}
