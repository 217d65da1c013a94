package dev.qide.project;

import dev.qide.web.ByteSizes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rules for what a file may hold: UTF-8 text of at most 1 MiB. */
public final class FileContent {

    /** Largest file, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1024 * 1024;

    private FileContent() {}

    public static long sizeOf(String content) {
        return content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Why {@code content} cannot be stored, or empty when it can. */
    public static Optional<String> problemWith(String content) {
        long size = sizeOf(content);
        if (size > MAX_BYTES) {
            return Optional.of("Files can be at most 1 MB; this one is " + ByteSizes.format(size) + ".");
        }
        if (content != null && content.indexOf('\0') >= 0) {
            return Optional.of("Only text files can be stored; this one contains binary data.");
        }
        return Optional.empty();
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
