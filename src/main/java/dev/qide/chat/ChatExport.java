package dev.qide.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.MessageRole;
import dev.qide.chat.conversation.MessageStatus;
import java.util.List;

/** A conversation written out for the person to keep: Markdown to read, JSON with every recorded fact. */
final class ChatExport {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private ChatExport() {}

    static String markdown(Conversation conversation, List<ChatMessage> messages) {
        StringBuilder out = new StringBuilder("# ").append(conversation.title).append("\n\n");
        for (ChatMessage message : messages) {
            if (message.role == MessageRole.USER) {
                out.append("## You\n\n");
                if (message.contextLabel != null) {
                    out.append("_Attached: ").append(message.contextLabel).append("_\n\n");
                }
            } else {
                out.append("## ").append(message.provider).append(" · ").append(message.model);
                if (message.status != MessageStatus.COMPLETE) {
                    out.append(" (").append(message.status.label()).append(')');
                }
                out.append("\n\n");
            }
            out.append(message.content).append("\n\n");
            if (message.error != null) {
                out.append("> ").append(message.error).append("\n\n");
            }
        }
        return out.toString();
    }

    static String json(Conversation conversation, List<ChatMessage> messages) {
        try {
            return JSON.writeValueAsString(new Exported(
                    conversation.id,
                    conversation.title,
                    conversation.projectId,
                    conversation.createdAt,
                    messages.stream().map(ChatMessageJson::of).toList()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A conversation could not be written as JSON", e);
        }
    }

    record Exported(
            java.util.UUID id,
            String title,
            java.util.UUID projectId,
            java.time.Instant createdAt,
            List<ChatMessageJson> messages) {}
}
