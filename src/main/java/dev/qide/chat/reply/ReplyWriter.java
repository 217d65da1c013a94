package dev.qide.chat.reply;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes a streaming reply to its message row, each write its own short transaction. Every write is conditional
 * on the reply still streaming, which is also how a Stop pressed on another replica reaches the one streaming.
 */
@ApplicationScoped
class ReplyWriter {

    private final Clock clock;

    ReplyWriter(Clock clock) {
        this.clock = clock;
    }

    /** Saves the text so far; false when the reply is no longer streaming (stopped elsewhere, or deleted). */
    boolean saveText(UUID replyId, String content) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> ChatMessage.update(
                                "content = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                                content,
                                clock.instant(),
                                replyId,
                                MessageStatus.STREAMING))
                > 0;
    }

    /** Records who is answering now (the chosen provider, or a fallback). */
    void answeredBy(UUID replyId, String provider, String model, String keyOwner, UUID keyId) {
        QuarkusTransaction.requiringNew()
                .run(() -> ChatMessage.update(
                        "provider = ?1, model = ?2, keyOwner = ?3, keyId = ?4, updatedAt = ?5 where id = ?6",
                        provider,
                        model,
                        keyOwner,
                        keyId,
                        clock.instant(),
                        replyId));
    }

    /** Records the end; a reply already stopped from elsewhere keeps the status it was given (cancelled). */
    void finish(UUID replyId, ReplyOutcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChatMessage reply = ChatMessage.findById(replyId);
            if (reply == null || (reply.status != MessageStatus.STREAMING && reply.status != MessageStatus.CANCELLED)) {
                return;
            }
            reply.status = reply.status == MessageStatus.CANCELLED ? MessageStatus.CANCELLED : outcome.status();
            reply.content = outcome.content();
            if (outcome.usage() != null) {
                reply.tokensIn = outcome.usage().inputTokens();
                reply.tokensOut = outcome.usage().outputTokens();
                reply.tokensEstimated = outcome.usage().estimated();
            }
            reply.costUsd = outcome.cost();
            reply.firstTokenMs = outcome.firstTokenMs();
            reply.durationMs = outcome.durationMs();
            reply.error = truncate(outcome.error());
            reply.notice = truncate(outcome.notice());
            reply.updatedAt = clock.instant();
        });
    }

    /** Marks a reply stopped in the database; the process streaming it sees this at its next write. */
    boolean markCancelled(UUID replyId) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> ChatMessage.update(
                                "status = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                                MessageStatus.CANCELLED,
                                clock.instant(),
                                replyId,
                                MessageStatus.STREAMING))
                > 0;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "\u2026";
    }
}
