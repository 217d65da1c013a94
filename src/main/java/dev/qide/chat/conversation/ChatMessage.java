package dev.qide.chat.conversation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of a conversation. A reply records who answered (provider, model, whose key), what it cost (tokens,
 * dollars), how long it took, and how it ended; its content is written while it streams.
 */
@Entity
@Table(name = "chat_message")
public class ChatMessage extends PanacheEntityBase {

    /** The notice of a reply that stopped because it reached the most tokens a reply may have. */
    public static final String MAX_TOKENS_NOTICE =
            "The reply reached the most tokens a reply may have and stops there.";

    @Id
    public UUID id;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MessageRole role;

    @Column(nullable = false, length = 1048576)
    public String content;

    /** What the person attached ("src/app.py, lines 3–9"); the text itself is in {@link #contextText}. */
    @Column(name = "context_label", length = 300)
    public String contextLabel;

    @Column(name = "context_text", length = 262144)
    public String contextText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MessageStatus status;

    @Column(length = 32)
    public String provider;

    @Column(length = 200)
    public String model;

    /** Whose key paid: PERSONAL or WORKSPACE (see {@code dev.qide.byok.KeyOwner}). */
    @Column(name = "key_owner", length = 16)
    public String keyOwner;

    @Column(name = "key_id")
    public UUID keyId;

    @Column(name = "tokens_in")
    public Long tokensIn;

    @Column(name = "tokens_out")
    public Long tokensOut;

    @Column(name = "tokens_estimated", nullable = false)
    public boolean tokensEstimated;

    @Column(name = "cost_usd", precision = 14, scale = 6)
    public BigDecimal costUsd;

    @Column(name = "first_token_ms")
    public Long firstTokenMs;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(length = 500)
    public String error;

    /** Something the person should know about the reply: context trimmed, another provider answered. */
    @Column(length = 500)
    public String notice;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the reply stopped at the token limit rather than where the model ended it. */
    public boolean stoppedAtMaxTokens() {
        return notice != null && notice.contains(MAX_TOKENS_NOTICE);
    }

    public boolean isReply() {
        return role == MessageRole.ASSISTANT;
    }

    public static List<ChatMessage> of(UUID conversationId) {
        return list("conversationId = ?1 order by seq", conversationId);
    }

    /** Whether anyone has asked the chat something in the workspace. */
    public static boolean anyAskedIn(UUID workspaceId) {
        return count(
                        "role = ?1 and conversationId in (select c.id from Conversation c where c.workspaceId = ?2)",
                        MessageRole.USER,
                        workspaceId)
                > 0;
    }

    public static int nextSeq(UUID conversationId) {
        Integer max = getEntityManager()
                .createQuery("select max(seq) from ChatMessage where conversationId = ?1", Integer.class)
                .setParameter(1, conversationId)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
