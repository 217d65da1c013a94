package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what a stream told its listener, and lets a test wait for the end. */
final class RecordingListener implements LlmStreamListener {

    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger ends = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile LlmUsage usage;
    private volatile String finishReason;
    private volatile LlmFailure failure;

    @Override
    public void onToken(String text) {
        calls.incrementAndGet();
        tokens.add(text);
    }

    @Override
    public void onComplete(LlmUsage usage, String finishReason) {
        calls.incrementAndGet();
        this.usage = usage;
        this.finishReason = finishReason;
        ends.incrementAndGet();
        ended.countDown();
    }

    @Override
    public void onFailure(LlmFailure failure) {
        calls.incrementAndGet();
        this.failure = failure;
        ends.incrementAndGet();
        ended.countDown();
    }

    /** Waits for the end and asserts it was a completion. */
    RecordingListener awaitCompletion() throws InterruptedException {
        awaitEnd();
        assertThat(failure).as("failure").isNull();
        return this;
    }

    /** Waits for the end and returns the failure it must have been. */
    LlmFailure awaitFailure() throws InterruptedException {
        awaitEnd();
        assertThat(failure).as("the stream should have failed, but completed").isNotNull();
        return failure;
    }

    private void awaitEnd() throws InterruptedException {
        assertThat(ended.await(15, TimeUnit.SECONDS)).as("stream ended").isTrue();
        assertThat(ends.get()).as("exactly one end").isEqualTo(1);
    }

    /** Waits until at least {@code count} tokens arrived. */
    void awaitTokens(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (tokens.size() < count && ended.getCount() > 0) {
            assertThat(System.nanoTime()).as("%d tokens in time", count).isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(count);
    }

    String text() {
        return String.join("", tokens);
    }

    List<String> tokens() {
        return List.copyOf(tokens);
    }

    int calls() {
        return calls.get();
    }

    boolean hasEnded() {
        return ended.getCount() == 0;
    }

    LlmUsage usage() {
        return usage;
    }

    String finishReason() {
        return finishReason;
    }
}
