package dev.qide.chat.reply;

import dev.qide.byok.KeyUnavailableException;
import dev.qide.byok.ProviderKeyService;
import dev.qide.byok.UnlockedKey;
import dev.qide.chat.conversation.ChatConfig;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.ContextWindow;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.chat.conversation.PreparedReply;
import dev.qide.chat.conversation.PreparedReply.Candidate;
import dev.qide.chat.conversation.TokenEstimate;
import dev.qide.llm.ChatTurn;
import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmClient;
import dev.qide.llm.LlmFailure;
import dev.qide.llm.LlmRequest;
import dev.qide.llm.LlmStream;
import dev.qide.llm.LlmStreamListener;
import dev.qide.llm.LlmUsage;
import io.quarkus.logging.Log;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writing one reply: asks the first provider; when it fails before its first token, the next one of the fallback
 * order; passes the text to the readers as it comes, saves it every flush interval, and records how it ended.
 */
final class ReplyRun implements LlmStreamListener {

    private final PreparedReply prepared;
    private final LlmClient client;
    private final ProviderKeyService keys;
    private final ReplyWriter writer;
    private final ChatConfig config;
    private final Clock clock;
    private final LlmCatalog providers;
    private final Runnable onEnd;
    private final LiveReply live;
    private final Instant startedAt;
    private final List<String> failedBefore = new ArrayList<>();
    private final List<LlmFailure> failures = new ArrayList<>();

    private int attempt = -1;
    private Candidate current;
    private Optional<String> contextNotice = Optional.empty();
    private long promptTokens;
    private volatile LlmStream upstream;
    private Long firstTokenMs;
    private long lastSave;
    private boolean ended;

    ReplyRun(
            PreparedReply prepared,
            LlmClient client,
            ProviderKeyService keys,
            ReplyWriter writer,
            ChatConfig config,
            Clock clock,
            LlmCatalog providers,
            Runnable onEnd) {
        this.prepared = prepared;
        this.client = client;
        this.keys = keys;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
        this.providers = providers;
        this.onEnd = onEnd;
        this.live = new LiveReply(prepared.replyId());
        this.startedAt = clock.instant();
    }

    LiveReply live() {
        return live;
    }

    /** Asks the first provider. */
    void begin() {
        tryNext();
    }

    private synchronized void tryNext() {
        while (!ended && ++attempt < prepared.candidates().size()) {
            current = prepared.candidates().get(attempt);
            UnlockedKey key;
            try {
                key = keys.unlock(
                        prepared.user(), current.key(), "chat reply " + prepared.replyId(), prepared.ipAddress());
            } catch (KeyUnavailableException e) {
                failedBefore.add(providerName() + " (" + e.getMessage() + ")");
                failures.add(new LlmFailure(LlmFailure.Kind.BAD_KEY, e.getMessage()));
                continue;
            }
            ContextWindow.Fitted fitted = ContextWindow.fit(
                    prepared.options().systemPrompt().orElse(config.systemPrompt()),
                    prepared.history(),
                    prepared.question(),
                    prepared.attachment(),
                    current.model(),
                    prepared.options().maxReplyTokens(config.maxReplyTokens()));
            contextNotice = fitted.notice();
            promptTokens = fitted.turns().stream()
                    .map(ChatTurn::text)
                    .mapToLong(TokenEstimate::of)
                    .sum();
            writer.answeredBy(
                    prepared.replyId(),
                    current.key().provider,
                    current.model().id(),
                    key.owner().name(),
                    key.keyId());
            int asked = attempt;
            LlmStream stream = client.stream(
                    new LlmRequest(key.endpoint(), current.model().id(), fitted.turns(), fitted.maxOutputTokens()),
                    this);
            if (attempt == asked) {
                // Not when this provider already failed inside stream() and the next one is being asked.
                upstream = stream;
            }
            return;
        }
        if (!ended) {
            String message = "No provider could answer: " + String.join("; ", failedBefore) + ".";
            end(
                    MessageStatus.FAILED,
                    null,
                    message,
                    failures.isEmpty() ? null : LlmFailure.decisive(failures).withMessage(message));
        }
    }

    @Override
    public synchronized void onToken(String text) {
        if (ended) {
            return;
        }
        if (firstTokenMs == null) {
            firstTokenMs = clock.millis() - startedAt.toEpochMilli();
        }
        live.append(text);
        long now = clock.millis();
        if (now - lastSave >= config.flushInterval().toMillis()) {
            lastSave = now;
            if (!writer.saveText(prepared.replyId(), live.text())) {
                // Stopped from another replica, or the message was deleted: stop asking.
                cancelUpstream();
                end(MessageStatus.CANCELLED, estimatedUsage(), null, null);
            }
        }
    }

    @Override
    public synchronized void onComplete(LlmUsage usage, String finishReason) {
        if (ended) {
            return;
        }
        String notice = "length".equalsIgnoreCase(finishReason) || "max_tokens".equalsIgnoreCase(finishReason)
                ? ChatMessage.MAX_TOKENS_NOTICE
                : null;
        end(MessageStatus.COMPLETE, usage, notice, null);
    }

    @Override
    public void onFailure(LlmFailure failure) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (firstTokenMs != null) {
                end(MessageStatus.FAILED, estimatedUsage(), failure.getMessage(), failure);
                return;
            }
            Log.debugf("Reply %s: %s failed before answering (%s)", prepared.replyId(), providerName(), failure.kind());
            failedBefore.add(providerName() + " (" + failure.getMessage() + ")");
            failures.add(failure);
        }
        tryNext();
    }

    /** Stops the reply, keeping what was written; {@code reason} null for the person's own Stop. */
    synchronized boolean cancel(String reason) {
        if (ended) {
            return false;
        }
        cancelUpstream();
        end(MessageStatus.CANCELLED, estimatedUsage(), reason, null);
        return true;
    }

    private void cancelUpstream() {
        LlmStream stream = upstream;
        if (stream != null) {
            stream.cancel();
        }
    }

    /** Records the end; {@code message} is the error of a failed reply, else a notice; {@code failure} why it failed. */
    private void end(MessageStatus status, LlmUsage usage, String message, LlmFailure failure) {
        ended = true;
        String error = status == MessageStatus.FAILED ? message : null;
        List<String> notices = new ArrayList<>();
        contextNotice.ifPresent(notices::add);
        if (!failedBefore.isEmpty() && status != MessageStatus.FAILED) {
            notices.add(String.join("; ", failedBefore) + " failed before answering; " + providerName() + " answered.");
        }
        if (status != MessageStatus.FAILED && message != null) {
            notices.add(message);
        }
        BigDecimal cost =
                usage == null || current == null ? null : current.model().cost(usage);
        try {
            writer.finish(
                    prepared.replyId(),
                    new ReplyOutcome(
                            status,
                            live.text(),
                            usage,
                            cost,
                            firstTokenMs,
                            clock.millis() - startedAt.toEpochMilli(),
                            error,
                            notices.isEmpty() ? null : String.join(" ", notices)));
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not record the end of reply %s", prepared.replyId());
        } finally {
            live.finish(status, failure);
            onEnd.run();
        }
    }

    private LlmUsage estimatedUsage() {
        return new LlmUsage(promptTokens, TokenEstimate.of(live.text()), true);
    }

    private String providerName() {
        return current == null ? "?" : providers.displayName(current.key().provider);
    }
}
