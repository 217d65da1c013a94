package dev.qide.chat.reply;

import dev.qide.chat.conversation.ChatConfig;
import dev.qide.chat.conversation.PreparedReply;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The replies this process is writing, and the way to read any reply as it is written. A reply streams on its own,
 * whoever is reading: a reload or a dropped connection only changes who reads. It is stopped by Stop, or when
 * nobody has read it for a while (the person left).
 */
@ApplicationScoped
public class ReplyStreams {

    private final Map<UUID, ReplyRun> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("chat-reply-timers").factory());
    private final ReplyRunFactory factory;
    private final ReplyWriter writer;
    private final StoredReplyFeed storedFeed;
    private final ChatConfig config;

    ReplyStreams(ReplyRunFactory factory, ReplyWriter writer, StoredReplyFeed storedFeed, ChatConfig config) {
        this.factory = factory;
        this.writer = writer;
        this.storedFeed = storedFeed;
        this.config = config;
    }

    /** Starts asking for a stored reply; returns at once. */
    void start(PreparedReply prepared) {
        startReading(prepared, null);
    }

    /**
     * Starts asking for a stored reply with {@code reader} reading it from the start, joined before any provider is
     * asked, so it hears everything, even a failure that comes at once. Answers how to stop reading.
     */
    Runnable startReading(PreparedReply prepared, Consumer<ReplyEvent> reader) {
        ReplyRun run = factory.create(prepared, () -> runs.remove(prepared.replyId()));
        runs.put(prepared.replyId(), run);
        Runnable leave = reader == null ? () -> {} : reading(run, 0, reader);
        run.begin();
        return leave;
    }

    /**
     * Reads reply {@code replyId} from character {@code offset}: what is there, what comes, then the end. Answers
     * how to stop reading.
     */
    public Runnable read(UUID replyId, int offset, Consumer<ReplyEvent> reader) {
        ReplyRun run = runs.get(replyId);
        if (run == null) {
            return storedFeed.read(replyId, offset, reader);
        }
        return reading(run, offset, reader);
    }

    private Runnable reading(ReplyRun run, int offset, Consumer<ReplyEvent> reader) {
        Runnable leave = run.live().join(offset, reader);
        return () -> {
            leave.run();
            if (!run.live().hasReaders() && !run.live().isFinished()) {
                timers.schedule(() -> stopIfUnread(run), config.abandonAfter().toMillis(), TimeUnit.MILLISECONDS);
            }
        };
    }

    /** Stops a reply, here or (through the database) on the replica writing it; false when it had already ended. */
    public boolean stop(UUID replyId) {
        return stop(replyId, null);
    }

    /**
     * Stops a reply for {@code reason}, noted on it when it is written here (null: the person's own Stop); false when
     * it had already ended.
     */
    public boolean stop(UUID replyId, String reason) {
        ReplyRun run = runs.get(replyId);
        if (run != null) {
            return run.cancel(reason);
        }
        return writer.markCancelled(replyId);
    }

    /** The text of a reply being written here, if it is. */
    public Optional<String> liveText(UUID replyId) {
        return Optional.ofNullable(runs.get(replyId)).map(run -> run.live().text());
    }

    boolean isLive(UUID replyId) {
        return runs.containsKey(replyId);
    }

    @Scheduled(every = "${qide.chat.heartbeat:15s}", delayed = "5s")
    void heartbeat() {
        runs.values().forEach(run -> run.live().heartbeat());
        storedFeed.heartbeat();
    }

    private void stopIfUnread(ReplyRun run) {
        if (!run.live().hasReaders() && !run.live().isFinished()) {
            Log.debugf("Reply %s unread for %s: stopping it", run.live().id(), config.abandonAfter());
            run.cancel("Stopped because nobody was reading it (the page was closed).");
        }
    }

    @PreDestroy
    void shutdown() {
        timers.shutdownNow();
        runs.values().forEach(run -> run.cancel("Stopped because the server shut down."));
    }
}
