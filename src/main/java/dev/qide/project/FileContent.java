package dev.qide.project;

import dev.qide.web.HttpProblem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/** The rules for what a file may hold: UTF-8 text of at most 1 MiB. */
public final class FileContent {

    /** Largest file, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1024 * 1024;

    private FileContent() {}

    public static long sizeOf(String content) {
        return content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Refuses content over {@link #MAX_BYTES} (413) or holding binary data (415), saying which. */
    public static void check(String content) {
        checkSize(sizeOf(content));
        if (content != null && content.indexOf('\0') >= 0) {
            throw new HttpProblem(415, "Only text files can be stored; this one contains binary data.");
        }
    }

    /** Refuses {@code size} bytes when they are more than a file may hold (413). */
    public static void checkSize(long size) {
        if (size > MAX_BYTES) {
            NumberFormat bytes = NumberFormat.getIntegerInstance(Locale.US);
            throw new HttpProblem(
                    413,
                    "Files can be at most 1 MB (" + bytes.format(MAX_BYTES) + " bytes); this one is "
                            + bytes.format(size) + " bytes.");
        }
    }

    /** Decodes uploaded bytes as strict UTF-8; empty when they are not valid UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
