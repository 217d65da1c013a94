package dev.qide.chat.reply;

import dev.qide.web.SseData;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.UUID;
import java.util.function.Function;

/**
 * A reply as server-sent events, for the page (HTML data) and the JSON API (JSON data) alike: {@code token} events
 * whose id is the reply's length after them (so a reconnect with Last-Event-ID goes on from there),
 * {@code heartbeat}s, and a final {@code done}, after which the stream ends. Each event's data reaches the reader
 * exactly ({@link SseData}).
 */
public final class ReplyEventStream {

    /** How one kind of client writes each event's data; it may hold LF but no CR. */
    public interface Format {
        String token(String text);

        String heartbeat();

        String done(ReplyEvent.Done done);
    }

    private ReplyEventStream() {}

    public static Multi<OutboundSseEvent> of(ReplyStreams streams, UUID replyId, int offset, Sse sse, Format format) {
        Function<ReplyEvent, OutboundSseEvent> toSse = event -> switch (event) {
            case ReplyEvent.Text text ->
                sse.newEventBuilder()
                        .name("token")
                        .id(Integer.toString(text.end()))
                        .data(SseData.of(format.token(text.text())))
                        .build();
            case ReplyEvent.Heartbeat ignored ->
                sse.newEventBuilder()
                        .name("heartbeat")
                        .data(SseData.of(format.heartbeat()))
                        .build();
            case ReplyEvent.Done done ->
                sse.newEventBuilder()
                        .name("done")
                        .data(SseData.of(format.done(done)))
                        .build();
        };
        return Multi.createFrom()
                .<OutboundSseEvent>emitter(emitter -> {
                    Runnable stop = streams.read(replyId, offset, event -> {
                        emitter.emit(toSse.apply(event));
                        if (event instanceof ReplyEvent.Done) {
                            emitter.complete();
                        }
                    });
                    emitter.onTermination(stop);
                })
                // Joining may read the database (a reply that has ended): never on the event loop.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
