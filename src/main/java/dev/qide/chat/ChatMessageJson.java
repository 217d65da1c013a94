package dev.qide.chat;

import dev.qide.chat.conversation.ChatMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A message as the JSON API and the JSON export show it (snake_case on the wire). */
public record ChatMessageJson(
        UUID id,
        UUID conversationId,
        String role,
        String content,
        String status,
        String contextLabel,
        String provider,
        String model,
        String keyOwner,
        Long tokensIn,
        Long tokensOut,
        boolean tokensEstimated,
        BigDecimal costUsd,
        Long firstTokenMs,
        Long durationMs,
        String error,
        String notice,
        Instant createdAt) {

    /** The same message with other text (a reply's live text, newer than the last save). */
    public ChatMessageJson withContent(String newContent) {
        return new ChatMessageJson(
                id,
                conversationId,
                role,
                newContent,
                status,
                contextLabel,
                provider,
                model,
                keyOwner,
                tokensIn,
                tokensOut,
                tokensEstimated,
                costUsd,
                firstTokenMs,
                durationMs,
                error,
                notice,
                createdAt);
    }

    public static ChatMessageJson of(ChatMessage message) {
        return new ChatMessageJson(
                message.id,
                message.conversationId,
                message.role.name().toLowerCase(Locale.ROOT),
                message.content,
                message.status.label(),
                message.contextLabel,
                message.provider,
                message.model,
                message.keyOwner == null ? null : message.keyOwner.toLowerCase(Locale.ROOT),
                message.tokensIn,
                message.tokensOut,
                message.tokensEstimated,
                message.costUsd,
                message.firstTokenMs,
                message.durationMs,
                message.error,
                message.notice,
                message.createdAt);
    }
}
