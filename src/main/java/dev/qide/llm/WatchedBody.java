package dev.qide.llm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A response body that knows how long its reader has been waiting for the provider, so {@link SseTransport}'s
 * watchdog can give up on a stream that went silent. Waiting on our own listener does not count: only a read that
 * blocks does.
 */
final class WatchedBody extends FilterInputStream {

    private volatile long readingSince;
    private volatile boolean idleTimedOut;

    WatchedBody(InputStream body) {
        super(body);
    }

    @Override
    public int read() throws IOException {
        startWaiting();
        try {
            return super.read();
        } finally {
            stopWaiting();
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        startWaiting();
        try {
            return super.read(buffer, offset, length);
        } finally {
            stopWaiting();
        }
    }

    /** Whether a read has been waiting at least {@code idleNanos} at {@code now}. */
    boolean isStalled(long now, long idleNanos) {
        long since = readingSince;
        return since != 0 && now - since >= idleNanos;
    }

    /** Gives up on the stream: the blocked read wakes and fails. */
    void timeOut() {
        idleTimedOut = true;
        try {
            close();
        } catch (IOException ignored) {
            // closing a stream the provider stopped feeding: nothing more to do
        }
    }

    boolean idleTimedOut() {
        return idleTimedOut;
    }

    /** The rest of a short body (an error answer), at most {@code limit} bytes. */
    String readUpTo(int limit) throws IOException {
        return new String(readNBytes(limit), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void startWaiting() throws InterruptedIOException {
        if (idleTimedOut) {
            throw new InterruptedIOException("idle timeout");
        }
        readingSince = System.nanoTime() | 1;
    }

    private void stopWaiting() throws InterruptedIOException {
        readingSince = 0;
        if (idleTimedOut) {
            throw new InterruptedIOException("idle timeout");
        }
    }
}
