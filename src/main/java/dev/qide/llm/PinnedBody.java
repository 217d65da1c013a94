package dev.qide.llm;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClientResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A Vert.x response body as a blocking {@link InputStream} for the reply's reader thread: one chunk is fetched at a
 * time (so a fast provider cannot fill memory while the reader is busy), and closing it aborts the exchange, which
 * wakes a read waiting for the provider.
 */
final class PinnedBody extends InputStream {

    private static final Object END = new Object();
    private static final Object CLOSED = new Object();

    private final HttpClientResponse response;
    private final Context context;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private byte[] chunk = new byte[0];
    private int position;
    private volatile boolean ended;
    private volatile boolean closed;

    /** Takes over {@code response}; to be called on its context, before any of its body is handled. */
    PinnedBody(HttpClientResponse response, Context context) {
        this.response = response;
        this.context = context;
        response.pause();
        response.handler(buffer -> arrived.add(buffer.getBytes()));
        response.exceptionHandler(arrived::add);
        response.endHandler(end -> arrived.add(END));
        response.fetch(1);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (ended) {
                return -1;
            }
            Object next = next();
            if (next == END) {
                ended = true;
                return -1;
            }
            if (next == CLOSED) {
                throw new IOException("the response body was closed");
            }
            if (next instanceof Throwable failure) {
                throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
            }
            chunk = (byte[]) next;
            position = 0;
            context.runOnContext(fetch -> response.fetch(1));
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }

    private Object next() throws IOException {
        if (closed) {
            throw new IOException("the response body was closed");
        }
        try {
            return arrived.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the provider");
        }
    }

    /** Before the end: aborts the exchange (the connection is closed, not reused). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        arrived.add(CLOSED);
        if (!ended) {
            context.runOnContext(abort -> response.request().reset());
        }
    }
}
