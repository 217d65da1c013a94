package dev.qide.chat.reply;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.llm.LlmConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ends replies whose writer is gone (a server stopped or crashed mid-reply): a reply still marked streaming that
 * nobody has saved for longer than a provider may stay silent is marked failed, keeping its text. Safe on every
 * replica and when repeated: replies written by this process are skipped, and the update is conditional.
 */
@ApplicationScoped
public class InterruptedReplies {

    public static final String MESSAGE = "Interrupted: the server writing this reply stopped. The text so far is kept.";

    private final ReplyStreams streams;
    private final LlmConfig llm;
    private final Clock clock;

    InterruptedReplies(ReplyStreams streams, LlmConfig llm, Clock clock) {
        this.streams = streams;
        this.llm = llm;
        this.clock = clock;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void endInterruptedReplies() {
        Instant before = clock.instant().minus(llm.idleTimeout()).minus(Duration.ofMinutes(2));
        int ended = endUnsavedSince(before);
        if (ended > 0) {
            Log.infof("Marked %d interrupted chat replies as failed", ended);
        }
    }

    /** Marks streaming replies not saved since {@code before} (and not being written here) as failed. */
    public int endUnsavedSince(Instant before) {
        List<UUID> stale = QuarkusTransaction.requiringNew().call(() -> ChatMessage.<ChatMessage>find(
                        "status = ?1 and updatedAt < ?2", MessageStatus.STREAMING, before)
                .project(IdOnly.class)
                .list()
                .stream()
                .map(IdOnly::id)
                .filter(id -> !streams.isLive(id))
                .toList());
        int ended = 0;
        for (UUID id : stale) {
            ended += QuarkusTransaction.requiringNew()
                    .call(() -> ChatMessage.update(
                            "status = ?1, error = ?2, updatedAt = ?3 where id = ?4 and status = ?5 and updatedAt < ?6",
                            MessageStatus.FAILED,
                            MESSAGE,
                            clock.instant(),
                            id,
                            MessageStatus.STREAMING,
                            before));
        }
        return ended;
    }

    /** Just the id of a message. */
    public record IdOnly(UUID id) {}
}
