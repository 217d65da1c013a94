package dev.qide.llm;

import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One reply in flight: passes the provider's text to the listener, then exactly one end or failure, never anything
 * after a cancel; and closes the exchange with the provider (connection, body, reading thread) once the reply is over.
 */
final class ProviderStream implements LlmStream {

    private enum State {
        OPEN,
        ENDED,
        CANCELLED
    }

    private final LlmRequest request;
    private final String providerName;
    private final LlmStreamListener listener;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private final ReentrantLock delivery = new ReentrantLock();
    private final List<Runnable> closers = new ArrayList<>();
    private volatile long outputChars;

    ProviderStream(LlmRequest request, String providerName, LlmStreamListener listener) {
        this.request = request;
        this.providerName = providerName;
        this.listener = listener;
    }

    LlmRequest request() {
        return request;
    }

    ProviderEndpoint endpoint() {
        return request.endpoint();
    }

    /** The provider's name as people know it (OpenAI, Anthropic, ...), for messages. */
    String providerName() {
        return providerName;
    }

    boolean isOpen() {
        return state.get() == State.OPEN;
    }

    void token(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        deliver(() -> {
            outputChars += text.length();
            listener.onToken(text);
        });
    }

    /**
     * The provider said the reply is complete. Counts it reported are used as they are; missing ones are estimated.
     * A completion without a finish reason is how LangChain4j reports a stream that was not complete (LLM-CLIENTS.md
     * pitfall 1), so it becomes a failure.
     */
    void complete(Integer inputTokens, Integer outputTokens, String finishReason) {
        if (finishReason == null) {
            fail(new LlmFailure(
                    LlmFailure.Kind.PROVIDER_ERROR, providerName + " ended the reply without saying it was complete."));
            return;
        }
        LlmUsage usage = inputTokens != null && outputTokens != null
                ? new LlmUsage(inputTokens, outputTokens, false)
                : new LlmUsage(
                        inputTokens != null ? inputTokens : estimateTokens(promptChars()),
                        outputTokens != null ? outputTokens : estimateTokens(outputChars),
                        true);
        end(target -> target.onComplete(usage, finishReason));
    }

    void fail(LlmFailure failure) {
        end(target -> target.onFailure(failure));
    }

    @Override
    public void cancel() {
        if (state.compareAndSet(State.OPEN, State.CANCELLED)) {
            Log.debugf("LLM reply cancelled (%s, %s)", request.endpoint().providerId(), request.model());
            close();
        }
    }

    @Override
    public LlmUsage estimatedUsage() {
        return new LlmUsage(estimateTokens(promptChars()), estimateTokens(outputChars), true);
    }

    /** Runs {@code closer} when the reply is over (ended, failed or cancelled), or now if it already is. */
    void onClose(Runnable closer) {
        synchronized (closers) {
            if (isOpen()) {
                closers.add(closer);
                return;
            }
        }
        runQuietly(closer);
    }

    private void deliver(Runnable call) {
        delivery.lock();
        try {
            if (isOpen()) {
                call.run();
            }
        } catch (RuntimeException e) {
            Log.warnf("An LLM stream listener failed: %s", e.toString());
        } finally {
            delivery.unlock();
        }
    }

    private void end(Consumer<LlmStreamListener> last) {
        delivery.lock();
        try {
            if (!state.compareAndSet(State.OPEN, State.ENDED)) {
                return;
            }
            last.accept(listener);
        } catch (RuntimeException e) {
            Log.warnf("An LLM stream listener failed: %s", e.toString());
        } finally {
            delivery.unlock();
        }
        close();
    }

    private void close() {
        List<Runnable> toRun;
        synchronized (closers) {
            toRun = List.copyOf(closers);
            closers.clear();
        }
        toRun.forEach(ProviderStream::runQuietly);
    }

    private long promptChars() {
        return request.turns().stream()
                .mapToLong(turn -> turn.text() == null ? 0 : turn.text().length())
                .sum();
    }

    static long estimateTokens(long chars) {
        return (chars + 3) / 4;
    }

    private static void runQuietly(Runnable closer) {
        try {
            closer.run();
        } catch (RuntimeException e) {
            Log.debugf("Closing an LLM exchange failed: %s", e.toString());
        }
    }
}
