package dev.qide.run;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A run's stdout and stderr: passed on to the caller as they are read, and kept, together, up to the output cap. The
 * cap counts bytes of both streams; reaching it calls {@code onCapReached} once, and whatever follows is read and
 * dropped so the program never blocks on a full pipe before it is killed.
 */
final class OutputCapture {

    private final long capBytes;
    private final SandboxOutput listener;
    private final Runnable onCapReached;
    private final StringBuilder kept = new StringBuilder();
    private long keptBytes;
    private boolean truncated;

    OutputCapture(long capBytes, SandboxOutput listener, Runnable onCapReached) {
        this.capBytes = capBytes;
        this.listener = listener;
        this.onCapReached = onCapReached;
    }

    /** Reads one of the program's streams to its end. */
    void pump(InputStream in, OutputChunk.Stream stream) {
        Utf8Decoder decoder = new Utf8Decoder();
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                accept(stream, decoder, buffer, read);
            }
        } catch (IOException e) {
            Log.debugf(e, "Stopped reading %s of a sandbox run", stream);
        }
        accept(stream, decoder, buffer, -1);
    }

    /** What was kept, both streams interleaved in the order they were read. */
    synchronized String text() {
        return kept.toString();
    }

    synchronized boolean truncated() {
        return truncated;
    }

    /** Keeps and passes on what fits under the cap; {@code length} -1 marks the end of the stream. */
    private synchronized void accept(OutputChunk.Stream stream, Utf8Decoder decoder, byte[] bytes, int length) {
        if (truncated) {
            return;
        }
        boolean end = length < 0;
        int fitting = (int) Math.min(Math.max(length, 0), capBytes - keptBytes);
        keptBytes += fitting;
        boolean capReached = !end && fitting < length;
        String text = decoder.decode(bytes, fitting, end || capReached);
        if (!text.isEmpty()) {
            kept.append(text);
            deliver(new OutputChunk(stream, text));
        }
        if (capReached) {
            truncated = true;
            onCapReached.run();
        }
    }

    private void deliver(OutputChunk chunk) {
        try {
            listener.accept(chunk);
        } catch (RuntimeException e) {
            Log.warnf(e, "The output listener of a sandbox run failed; the run goes on");
        }
    }

    /** Turns bytes into text, holding back a character split between two reads until its rest arrives. */
    private static final class Utf8Decoder {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        String decode(byte[] bytes, int length, boolean endOfInput) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
            in.put(pending).put(bytes, 0, length).flip();
            // UTF-8 never decodes to more chars than it has bytes; +1 leaves room for a final replacement char.
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, endOfInput);
            if (endOfInput) {
                decoder.flush(out);
            }
            pending = in.slice();
            return out.flip().toString();
        }
    }
}
