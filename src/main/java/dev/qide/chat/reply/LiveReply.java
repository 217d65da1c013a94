package dev.qide.chat.reply;

import dev.qide.chat.conversation.MessageStatus;
import dev.qide.llm.LlmFailure;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A reply being written in this process: its text so far and who is reading it. Readers join at any offset (a
 * reconnect with Last-Event-ID) and get exactly the text after it, then every new piece, then the end; the lock
 * makes joining and appending happen one after the other, so nothing is sent twice or skipped.
 */
final class LiveReply {

    private final UUID id;
    private final StringBuilder text = new StringBuilder();
    private final List<Consumer<ReplyEvent>> readers = new ArrayList<>();
    private MessageStatus finalStatus;
    private LlmFailure failure;

    LiveReply(UUID id) {
        this.id = id;
    }

    UUID id() {
        return id;
    }

    /** Adds a reader from {@code offset}; answers how to remove it. */
    synchronized Runnable join(int offset, Consumer<ReplyEvent> reader) {
        int from = Math.max(0, Math.min(offset, text.length()));
        if (from < text.length()) {
            reader.accept(new ReplyEvent.Text(text.substring(from), text.length()));
        }
        if (finalStatus != null) {
            reader.accept(new ReplyEvent.Done(id, finalStatus, failure));
            return () -> {};
        }
        readers.add(reader);
        return () -> leave(reader);
    }

    synchronized void append(String piece) {
        if (finalStatus != null) {
            return;
        }
        text.append(piece);
        tell(new ReplyEvent.Text(piece, text.length()));
    }

    synchronized void heartbeat() {
        tell(new ReplyEvent.Heartbeat());
    }

    /** Ends the reply for every reader ({@code failure}: why it failed, or null); later appends are ignored. */
    synchronized void finish(MessageStatus status, LlmFailure failure) {
        if (finalStatus != null) {
            return;
        }
        finalStatus = status;
        this.failure = failure;
        tell(new ReplyEvent.Done(id, status, failure));
        readers.clear();
    }

    /** Tells every reader; one that fails (its connection broke) is dropped, the others go on. */
    private void tell(ReplyEvent event) {
        for (Consumer<ReplyEvent> reader : List.copyOf(readers)) {
            try {
                reader.accept(event);
            } catch (RuntimeException e) {
                Log.debugf(e, "A reader of reply %s failed; dropping it", id);
                readers.remove(reader);
            }
        }
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized boolean hasReaders() {
        return !readers.isEmpty();
    }

    synchronized boolean isFinished() {
        return finalStatus != null;
    }

    private synchronized void leave(Consumer<ReplyEvent> reader) {
        readers.remove(reader);
    }
}
