package dev.qide.chat.reply;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a reply from the database: one that has ended, or one another replica is writing (its text arrives in the
 * batches that replica saves, polled here).
 */
@ApplicationScoped
class StoredReplyFeed {

    private static final long POLL_MILLIS = 500;

    private record Stored(String content, MessageStatus status) {}

    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("chat-reply-polls").factory());
    private final Set<Poller> open = ConcurrentHashMap.newKeySet();

    Runnable read(UUID replyId, int offset, Consumer<ReplyEvent> reader) {
        Poller poller = new Poller(replyId, offset, reader);
        if (poller.poll()) {
            return () -> {};
        }
        open.add(poller);
        poller.future = polls.scheduleWithFixedDelay(
                () -> {
                    try {
                        // A poll that ends the reply, or finds the reader gone, ends the schedule too.
                        if (poller.poll()) {
                            poller.close();
                        }
                    } catch (RuntimeException e) {
                        // Keep polling: a failed read (database busy) must not silence the stream for good.
                        Log.warnf("Could not read reply %s for a reader: %s", poller.replyId, e.getMessage());
                    }
                },
                POLL_MILLIS,
                POLL_MILLIS,
                TimeUnit.MILLISECONDS);
        return poller::close;
    }

    void heartbeat() {
        open.forEach(poller -> poller.reader.accept(new ReplyEvent.Heartbeat()));
    }

    @PreDestroy
    void shutdown() {
        polls.shutdownNow();
    }

    private final class Poller {
        private final UUID replyId;
        private final Consumer<ReplyEvent> reader;
        private int offset;
        private volatile boolean closed;
        private volatile ScheduledFuture<?> future;

        Poller(UUID replyId, int offset, Consumer<ReplyEvent> reader) {
            this.replyId = replyId;
            this.offset = Math.max(0, offset);
            this.reader = reader;
        }

        /** Sends what is new; true when the reply has ended (the end sent too). */
        synchronized boolean poll() {
            if (closed) {
                return true;
            }
            Stored stored = QuarkusTransaction.requiringNew().call(() -> ChatMessage.find("id", replyId)
                    .project(Stored.class)
                    .firstResult());
            if (stored == null) {
                reader.accept(new ReplyEvent.Done(replyId, MessageStatus.CANCELLED));
                return true;
            }
            if (stored.content().length() > offset) {
                reader.accept(new ReplyEvent.Text(
                        stored.content().substring(offset), stored.content().length()));
                offset = stored.content().length();
            }
            if (stored.status().isFinal()) {
                reader.accept(new ReplyEvent.Done(replyId, stored.status()));
                return true;
            }
            return false;
        }

        void close() {
            closed = true;
            open.remove(this);
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
