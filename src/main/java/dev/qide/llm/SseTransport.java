package dev.qide.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The HTTP side of every provider call: one shared {@link HttpClient}, one virtual thread reading each stream, and
 * one watchdog thread that gives up on streams silent for longer than the idle timeout. LangChain4j's models reach
 * it through {@link #builderFor}, which binds their requests to one reply. Calls to an endpoint with a checked address
 * go through {@link PinnedConnections} instead, connected to that address.
 */
final class SseTransport implements AutoCloseable {

    private static final int REMEMBERED_ORIGINS = 1_000;

    private final HttpClient http;
    private final PinnedConnections pinned;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final ScheduledExecutorService watchdog;
    private final Set<WatchedBody> watched = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectStreamOptions = ConcurrentHashMap.newKeySet();

    /**
     * @param vertx the application's Vert.x for {@link PinnedConnections}, or null to start one when first needed
     * @param trust the certificates pinned calls trust, or null for the JDK's
     */
    SseTransport(Duration connectTimeout, Duration idleTimeout, Vertx vertx, TrustOptions trust) {
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.pinned = new PinnedConnections(vertx, connectTimeout, trust);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("llm-idle-watchdog").factory());
        long tickMillis = Math.clamp(idleTimeout.toMillis() / 10, 10, 1_000);
        watchdog.scheduleWithFixedDelay(this::giveUpOnSilentStreams, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** A LangChain4j HTTP client builder whose clients send on behalf of {@code reply}. */
    HttpClientBuilder builderFor(ProviderStream reply, Predicate<ServerSentEvent> endOfReply) {
        return new ProviderHttpClient.Builder(this, reply, endOfReply);
    }

    /**
     * Sends {@code request}, whose body is {@code body}: to {@code address} when it is given (the host is not resolved
     * then), else wherever the JDK's client resolves the host to. Closing the answer's body ends the exchange.
     */
    CompletableFuture<HttpResponse<InputStream>> send(HttpRequest request, String body, InetAddress address) {
        return address == null
                ? http.sendAsync(request, BodyHandlers.ofInputStream())
                : pinned.send(request, body, address);
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    /** Watches {@code body} until the reply is over. */
    void watch(WatchedBody body, ProviderStream reply) {
        watched.add(body);
        reply.onClose(() -> watched.remove(body));
    }

    void unwatch(WatchedBody body) {
        watched.remove(body);
    }

    /** Whether requests to {@code origin} should leave out {@code stream_options}: it refused them once. */
    boolean rejectsStreamOptions(String origin) {
        return rejectStreamOptions.contains(origin);
    }

    void rememberRejectsStreamOptions(String origin) {
        if (rejectStreamOptions.size() < REMEMBERED_ORIGINS) {
            rejectStreamOptions.add(origin);
        }
    }

    private void giveUpOnSilentStreams() {
        long now = System.nanoTime();
        long idleNanos = idleTimeout.toNanos();
        for (WatchedBody body : watched) {
            if (body.isStalled(now, idleNanos)) {
                watched.remove(body);
                body.timeOut();
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.shutdownNow();
        pinned.close();
    }
}
