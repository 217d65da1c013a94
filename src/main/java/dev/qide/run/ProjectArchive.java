package dev.qide.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A run's project files as a tar archive (POSIX ustar, with a pax header for paths longer than 100 bytes), which the
 * sandbox unpacks into its private working folder. The files never touch the server's disk, so no folder of the
 * server is shown inside a sandbox and there is nothing of one run on disk for another to find.
 */
final class ProjectArchive {

    private static final int BLOCK = 512;
    /** tar writes and reads whole records of 20 blocks. */
    private static final int RECORD = 20 * BLOCK;

    private static final int NAME_LENGTH = 100;

    private record File(byte[] path, byte[] content) {}

    private final List<File> files = new ArrayList<>();

    private ProjectArchive() {}

    /**
     * The archive of files by path relative to the project's root ("src/main.py"); refuses a path that is absolute
     * or empty, has an empty, "." or ".." part, or a NUL.
     */
    static ProjectArchive of(Map<String, String> files) throws IOException {
        ProjectArchive archive = new ProjectArchive();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (path.isEmpty()
                    || path.indexOf('\0') >= 0
                    || Arrays.stream(path.split("/", -1))
                            .anyMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."))) {
                throw new IOException("Not a path inside the project: " + path);
            }
            archive.files.add(new File(
                    path.getBytes(StandardCharsets.UTF_8), file.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return archive;
    }

    /** Writes the whole archive, ending with its two empty blocks, padded to a whole record. */
    void writeTo(OutputStream out) throws IOException {
        long written = 0;
        for (File file : files) {
            byte[] path = file.path();
            if (path.length > NAME_LENGTH) {
                byte[] record = paxRecord("path", path);
                written += entry(out, "././@PaxHeader".getBytes(StandardCharsets.US_ASCII), 'x', record);
            }
            written += entry(out, Arrays.copyOf(path, Math.min(path.length, NAME_LENGTH)), '0', file.content());
        }
        long end = written + 2 * BLOCK;
        out.write(new byte[(int) (end + (RECORD - end % RECORD) % RECORD - written)]);
        out.flush();
    }

    /** Writes one header and its padded content; answers the bytes written. */
    private static long entry(OutputStream out, byte[] name, char type, byte[] content) throws IOException {
        byte[] header = new byte[BLOCK];
        System.arraycopy(name, 0, header, 0, name.length);
        octal(header, 100, 8, 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, content.length);
        octal(header, 136, 12, 0);
        header[156] = (byte) type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
        header[263] = '0';
        header[264] = '0';
        Arrays.fill(header, 148, 156, (byte) ' ');
        int checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        octal(header, 148, 7, checksum);
        out.write(header);
        out.write(content);
        int padding = (BLOCK - content.length % BLOCK) % BLOCK;
        out.write(new byte[padding]);
        return BLOCK + content.length + padding;
    }

    /** A pax extended header record, "length key=value\n", whose length counts its own digits. */
    private static byte[] paxRecord(String key, byte[] value) {
        int rest = 1 + key.length() + 1 + value.length + 1;
        int length = rest + Integer.toString(rest).length();
        if (Integer.toString(length).length() > Integer.toString(rest).length()) {
            length++;
        }
        byte[] prefix = (length + " " + key + "=").getBytes(StandardCharsets.US_ASCII);
        byte[] record = Arrays.copyOf(prefix, length);
        System.arraycopy(value, 0, record, prefix.length, value.length);
        record[length - 1] = '\n';
        return record;
    }

    /** Writes {@code value} as zero-padded octal digits filling {@code width - 1} bytes, then a NUL. */
    private static void octal(byte[] header, int offset, int width, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(width - 1 - digits.length()) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, header, offset, width - 1);
        header[offset + width - 1] = 0;
    }
}
