package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

    private final List<OutputChunk> chunks = new CopyOnWriteArrayList<>();
    private final AtomicInteger capReached = new AtomicInteger();

    @Test
    void keepsACharacterSplitBetweenTwoReadsWhole() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        OutputCapture capture = new OutputCapture(100, chunks::add, capReached::incrementAndGet);

        capture.pump(
                inPieces(new byte[] {'a', euro[0]}, new byte[] {euro[1], euro[2], 'b'}), OutputChunk.Stream.STDOUT);

        assertThat(capture.text()).isEqualTo("a€b");
        assertThat(chunks).extracting(OutputChunk::text).containsExactly("a", "€b");
        assertThat(capture.truncated()).isFalse();
        assertThat(capReached).hasValue(0);
    }

    @Test
    void cutsAtTheCapAcrossBothStreamsAndDropsTheRest() {
        OutputCapture capture = new OutputCapture(10, chunks::add, capReached::incrementAndGet);

        capture.pump(bytes("123456"), OutputChunk.Stream.STDOUT);
        capture.pump(bytes("abcdefgh"), OutputChunk.Stream.STDERR);
        capture.pump(bytes("more"), OutputChunk.Stream.STDOUT);

        assertThat(capture.text()).isEqualTo("123456abcd");
        assertThat(capture.truncated()).isTrue();
        assertThat(chunks)
                .containsExactly(
                        new OutputChunk(OutputChunk.Stream.STDOUT, "123456"),
                        new OutputChunk(OutputChunk.Stream.STDERR, "abcd"));
        assertThat(capReached).hasValue(1);
    }

    @Test
    void aFailingListenerDoesNotStopTheCapture() {
        OutputCapture capture = new OutputCapture(
                100,
                chunk -> {
                    throw new IllegalStateException("browser went away");
                },
                capReached::incrementAndGet);

        capture.pump(bytes("still kept"), OutputChunk.Stream.STDOUT);

        assertThat(capture.text()).isEqualTo("still kept");
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream inPieces(byte[] first, byte[] second) {
        return new SequenceInputStream(new ByteArrayInputStream(first), new ByteArrayInputStream(second));
    }
}
