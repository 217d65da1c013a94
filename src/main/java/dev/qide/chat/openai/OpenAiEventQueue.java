package dev.qide.chat.openai;

import dev.qide.chat.reply.ReplyEvent;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A reader of a reply that takes its events one at a time, waiting for each: for callers that write the reply on a
 * (virtual) thread of their own. Heartbeats are skipped.
 */
final class OpenAiEventQueue implements Consumer<ReplyEvent> {

    private final BlockingQueue<ReplyEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void accept(ReplyEvent event) {
        if (!(event instanceof ReplyEvent.Heartbeat)) {
            events.add(event);
        }
    }

    /** The next text or end; null when nothing came within {@code timeout}. */
    ReplyEvent next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
