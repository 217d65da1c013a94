package dev.qide.llm;

import io.quarkus.logging.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of every LLM provider for tests, on 127.0.0.1 and a free port, speaking each one's real wire format under
 * a prefix: {@code /openai/v1/chat/completions}, {@code /anthropic/v1/messages},
 * {@code /google/v1beta/models/{m}:streamGenerateContent?alt=sse}, and the same for cohere (OpenAI's format under
 * {@code /cohere/compatibility/v1}, as Cohere's compatibility API), groq, openrouter, moonshot (OpenAI's), minimax
 * (Anthropic's) and custom (OpenAI's). Tests script its replies
 * ({@link FakeReply}), read the requests it received, and see connections the client closed (a cancel reaching it).
 * Plain HTTP/1.1, one request per connection.
 */
public final class FakeLlmServer implements AutoCloseable {

    /** Every provider id it serves, as in the catalog. */
    public static final List<String> PROVIDERS =
            List.of("openai", "anthropic", "google", "cohere", "groq", "openrouter", "moonshot", "minimax", "custom");

    /** What a provider answers when no reply was scripted. */
    public static final String DEFAULT_TEXT = "Hello from the fake provider.";

    private static final Pattern GEMINI_PATH = Pattern.compile(".*/models/([^/:]+):streamGenerateContent.*");

    private final ServerSocket serverSocket;
    private final Map<String, FakeReply> scripts = new ConcurrentHashMap<>();
    private final Map<String, Queue<FakeReply>> queued = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger clientDisconnects = new AtomicInteger();
    private volatile boolean closed;

    private FakeLlmServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static FakeLlmServer start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            FakeLlmServer server = new FakeLlmServer(socket);
            Thread.ofVirtual().name("fake-llm-accept").start(server::acceptLoop);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The base URL a provider's client is given, including the API version path (as in the catalog). */
    public String baseUrl(String provider) {
        String version =
                switch (provider) {
                    case "google" -> "/v1beta";
                    case "cohere" -> "/compatibility/v1";
                    default -> "/v1";
                };
        return "http://127.0.0.1:" + port() + "/" + provider + version;
    }

    /** The wire format the fake speaks for {@code provider}. */
    public static WireFormat wireOf(String provider) {
        return switch (provider) {
            case "anthropic", "minimax" -> WireFormat.ANTHROPIC_MESSAGES;
            case "google" -> WireFormat.GEMINI;
            default -> WireFormat.OPENAI_CHAT;
        };
    }

    /** {@code provider} answers every request with {@code reply} from now on. */
    public FakeLlmServer script(String provider, FakeReply reply) {
        scripts.put(provider, reply);
        return this;
    }

    /** {@code provider} answers its next request with {@code reply}, then goes back to its script. */
    public FakeLlmServer enqueue(String provider, FakeReply reply) {
        queued.computeIfAbsent(provider, key -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /** Every request received since the last {@link #reset}, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The last request {@code provider} received. */
    public RecordedRequest lastRequest(String provider) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).provider().equals(provider)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("No request reached the fake " + provider);
    }

    /** Connections accepted since the last {@link #reset}. */
    public int connectionsOpened() {
        return opened.get();
    }

    /** Connections open right now. */
    public int connectionsOpen() {
        return openSockets.size();
    }

    /** Connections the client closed before the reply was over (a cancel, a timeout) since the last reset. */
    public int clientDisconnects() {
        return clientDisconnects.get();
    }

    /** Waits until at least {@code count} client disconnects were seen; false if not within {@code timeout}. */
    public boolean awaitClientDisconnects(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (clientDisconnects.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Forgets scripts, queued replies, requests and counters (open connections stay open). */
    public void reset() {
        scripts.clear();
        queued.clear();
        requests.clear();
        opened.set(0);
        clientDisconnects.set(0);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        openSockets.forEach(FakeLlmServer::closeQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                opened.incrementAndGet();
                openSockets.add(socket);
                Thread.ofVirtual().name("fake-llm-connection").start(() -> handle(socket));
            } catch (IOException e) {
                if (!closed) {
                    Log.warnf("The fake LLM server could not accept: %s", e.toString());
                }
            }
        }
    }

    private void handle(Socket socket) {
        Connection connection = new Connection(socket);
        try (socket) {
            socket.setTcpNoDelay(true);
            RecordedRequest request = readRequest(socket.getInputStream());
            if (request == null) {
                return;
            }
            requests.add(request);
            connection.watchForClientClose();
            serve(request, connection);
        } catch (IOException e) {
            connection.clientGone(); // a write failed: the client went away mid-reply
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.serverDone = true;
            openSockets.remove(socket);
        }
    }

    private void serve(RecordedRequest request, Connection connection) throws IOException, InterruptedException {
        WireFormat wire = wireOf(request.provider());
        String model = modelOf(request, wire);
        if (model == null || !PROVIDERS.contains(request.provider())) {
            connection.writeError(404, "{\"error\":{\"message\":\"No such endpoint on the fake server\"}}", Map.of());
            return;
        }
        FakeReply reply = nextReply(request.provider());
        if (reply.isSilentBeforeHeaders()) {
            connection.awaitClientClose();
            return;
        }
        if (reply.isError()) {
            connection.writeError(reply.status(), reply.errorBody(), reply.headers());
            return;
        }
        connection.writeStreamHeaders();
        List<String> events = reply.events(wire, model);
        for (int i = 0; i <= events.size(); i++) {
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay());
            }
            if (i == reply.cutAfter()) {
                connection.cut();
                return;
            }
            if (i == reply.hangAfter()) {
                connection.awaitClientClose();
                return;
            }
            if (i < events.size()) {
                connection.writeChunk(events.get(i));
            }
        }
        connection.writeLastChunk();
    }

    private FakeReply nextReply(String provider) {
        Queue<FakeReply> queue = queued.get(provider);
        FakeReply next = queue == null ? null : queue.poll();
        if (next != null) {
            return next;
        }
        return scripts.getOrDefault(provider, FakeReply.text(DEFAULT_TEXT, 5));
    }

    /** The model the request names, or null when the path is not the provider's chat endpoint. */
    private static String modelOf(RecordedRequest request, WireFormat wire) {
        String path = request.path();
        String plainPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        boolean post = request.method().equals("POST");
        return switch (wire) {
            case OPENAI_CHAT -> post && plainPath.endsWith("/chat/completions") ? bodyModel(request) : null;
            case ANTHROPIC_MESSAGES -> post && plainPath.endsWith("/messages") ? bodyModel(request) : null;
            case GEMINI -> {
                Matcher matcher = GEMINI_PATH.matcher(plainPath);
                yield post && matcher.matches() && path.contains("alt=sse") ? matcher.group(1) : null;
            }
        };
    }

    private static String bodyModel(RecordedRequest request) {
        try {
            return request.json().path("model").asText("unknown-model");
        } catch (RuntimeException e) {
            return "unknown-model";
        }
    }

    private static RecordedRequest readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isBlank()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked(in);
        } else {
            body = new byte[0];
        }
        String path = parts.length > 1 ? parts[1] : "/";
        String provider = path.length() > 1 ? path.substring(1).split("[/?]")[0] : "";
        return new RecordedRequest(
                provider, parts[0], path, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
                size > 0;
                size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            readLine(in);
        }
        readLine(in);
        return body.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing for good
        }
    }

    /** One client connection: writes the answer, and notices when the client closes its side first. */
    private final class Connection {

        private final Socket socket;
        private final CountDownLatch clientClosed = new CountDownLatch(1);
        private final AtomicBoolean gone = new AtomicBoolean();
        private volatile boolean serverDone;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void watchForClientClose() {
            Thread.ofVirtual().name("fake-llm-watch").start(() -> {
                try {
                    InputStream in = socket.getInputStream();
                    while (in.read() != -1) {
                        // a client sends nothing more after its request; read until it closes
                    }
                } catch (IOException ignored) {
                    // reset by the client, or closed by us
                }
                if (!serverDone) {
                    clientGone();
                }
                clientClosed.countDown();
            });
        }

        /** Counts this connection once as closed by the client, whether a read or a write noticed first. */
        void clientGone() {
            if (!closed && gone.compareAndSet(false, true)) {
                clientDisconnects.incrementAndGet();
            }
        }

        void awaitClientClose() throws InterruptedException {
            while (!closed && !clientClosed.await(50, TimeUnit.MILLISECONDS)) {
                // hanging on purpose until the client gives up or the server stops
            }
        }

        void writeError(int status, String json, Map<String, String> headers) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            StringBuilder extra = new StringBuilder();
            headers.forEach((name, value) ->
                    extra.append(name).append(": ").append(value).append("\r\n"));
            write("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n" + extra + "Connection: close\r\n\r\n");
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            serverDone = true;
        }

        void writeStreamHeaders() throws IOException {
            write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                    + "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        }

        void writeChunk(String event) throws IOException {
            byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void writeLastChunk() throws IOException {
            write("0\r\n\r\n");
            serverDone = true;
        }

        /** Closes the connection without the last chunk: the client sees the body broken off mid-response. */
        void cut() throws IOException {
            serverDone = true;
            socket.close();
        }

        private void write(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }

        private static String reason(int status) {
            return switch (status) {
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 529 -> "Overloaded";
                default -> "Status";
            };
        }
    }
}
