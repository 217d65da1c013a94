package dev.qide.web.malformed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare HTTP/1.1 client: writes the request exactly as given (so that malformed escapes, truncated bodies and wrong
 * lengths reach the server as written, which ordinary clients refuse to send), then reads the status line and the
 * header block, then the body to its end, as a well-behaved client does (one that hangs up early finds out how the
 * server takes that, which is not what this is about). One connection per request ({@code Connection: close}).
 */
final class RawHttp {

    /** What came back; {@code status} is -1 when no status line arrived ({@code problem} says why). */
    record Answer(int status, List<String> headerLines, String bodyStart, String problem) {

        int longestHeaderLine() {
            return headerLines.stream().mapToInt(String::length).max().orElse(0);
        }
    }

    private static final int MAX_HEADER_BLOCK = 512 * 1024;

    private final int port;
    private final int timeoutMillis;

    RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    Answer send(Probe probe) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head(probe));
            if (probe.body() != null) {
                out.write(probe.body());
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Answer(-1, List.of(), "", "no answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            return new Answer(-1, List.of(), "", "connection failed: " + e);
        }
    }

    private byte[] head(Probe probe) {
        StringBuilder head = new StringBuilder();
        head.append(probe.route().method()).append(' ').append(probe.target()).append(" HTTP/1.1\r\n");
        head.append("Host: localhost:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        probe.identity().headers().forEach(line -> head.append(line).append("\r\n"));
        probe.headers().forEach(line -> head.append(line).append("\r\n"));
        if (probe.body() != null) {
            head.append("Content-Length: ").append(probe.body().length).append("\r\n");
        } else if (probe.route().takesBody()) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            block.write(next);
            matched = next == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (next == '\r' ? 1 : 0);
            if (block.size() > MAX_HEADER_BLOCK) {
                break;
            }
        }
        String text = block.toString(StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
        if (lines.isEmpty() || !lines.get(0).startsWith("HTTP/1.")) {
            return new Answer(-1, List.of(), "", "no status line (" + block.size() + " bytes came back)");
        }
        String[] statusLine = lines.remove(0).split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        try {
            return new Answer(status, lines, bodyStart(in), null);
        } catch (SocketTimeoutException e) {
            return new Answer(status, lines, "", "the body did not end within the timeout");
        }
    }

    /** Reads the body to its end; answers its beginning, for the report. */
    private static String bodyStart(InputStream in) throws IOException {
        byte[] start = new byte[2048];
        int length = 0;
        byte[] rest = new byte[16 * 1024];
        int read;
        while ((read = in.read(rest)) > 0) {
            int kept = Math.min(read, start.length - length);
            System.arraycopy(rest, 0, start, length, kept);
            length += kept;
        }
        return new String(start, 0, length, StandardCharsets.UTF_8);
    }
}
