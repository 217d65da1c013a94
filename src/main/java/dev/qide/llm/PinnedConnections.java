package dev.qide.llm;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;

/**
 * Sends provider calls whose endpoint comes with the address its host was checked at
 * ({@link ProviderEndpoint#address()}): Vert.x's HTTP client connects to that address and never resolves the URL's
 * host, which still goes in the Host header, the TLS server name (SNI) and the certificate check. The JDK's HTTP
 * client cannot be told where to connect, hence this second client; its answers look like the JDK's.
 */
final class PinnedConnections implements AutoCloseable {

    /** Each reply holds its connection for as long as it streams. */
    private static final int CONNECTIONS_PER_ADDRESS = 1_000;

    private final Duration connectTimeout;
    private final TrustOptions trust;
    private Vertx vertx;
    private final boolean ownsVertx;
    private HttpClient client;

    /**
     * @param vertx the application's Vert.x, or null to start one of its own on first use (and close it with this)
     * @param trust the certificates to trust, or null for the JDK's (tests bring their own authority)
     */
    PinnedConnections(Vertx vertx, Duration connectTimeout, TrustOptions trust) {
        this.vertx = vertx;
        this.ownsVertx = vertx == null;
        this.connectTimeout = connectTimeout;
        this.trust = trust;
    }

    /**
     * Sends {@code request} (whose body is {@code body}) to {@code address}. The answer's headers must come within the
     * request's timeout; its body streams with back-pressure, and closing it aborts the exchange, as does cancelling
     * the returned future.
     */
    CompletableFuture<HttpResponse<InputStream>> send(HttpRequest request, String body, InetAddress address) {
        URI uri = request.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(tls)
                .setMethod(HttpMethod.valueOf(request.method()))
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setFollowRedirects(false);
        request.headers().map().forEach((name, values) -> values.forEach(value -> options.addHeader(name, value)));
        // As the JDK's client writes it (Vert.x would leave an IPv6 literal without its brackets).
        options.putHeader("Host", uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));

        CompletableFuture<HttpResponse<InputStream>> answer = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        Vertx loop = vertx();
        HttpClient client = client();
        long headersTimeout = request.timeout().orElse(Duration.ofDays(1)).toMillis();
        answer.whenComplete((response, failure) -> {
            HttpClientRequest exchange = sent.get();
            if (failure != null && exchange != null) {
                exchange.reset();
            }
        });
        client.request(options)
                .compose(exchange -> {
                    sent.set(exchange);
                    if (answer.isDone()) {
                        exchange.reset();
                        return Future.failedFuture(new CancellationException("given up before sending"));
                    }
                    // Connected: the answer's headers may now take as long as the request's timeout.
                    long timer = loop.setTimer(
                            headersTimeout,
                            id -> answer.completeExceptionally(new HttpTimeoutException("request timed out")));
                    answer.whenComplete((response, failure) -> loop.cancelTimer(timer));
                    return body == null ? exchange.send() : exchange.send(Buffer.buffer(body));
                })
                .onSuccess(response -> {
                    PinnedBody stream = new PinnedBody(response, Vertx.currentContext());
                    if (!answer.complete(
                            new PinnedResponse(response.statusCode(), headersOf(response), stream, request))) {
                        stream.close();
                    }
                })
                .onFailure(failure -> answer.completeExceptionally(
                        failure instanceof ConnectTimeoutException
                                ? new HttpConnectTimeoutException("connection to " + host + " timed out")
                                : failure));
        return answer;
    }

    private synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            HttpClientOptions options = new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                    .setKeepAlive(true)
                    .setVerifyHost(true)
                    .setForceSni(true);
            if (trust != null) {
                options.setTrustOptions(trust);
            }
            client = vertx().createHttpClient(options, new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_ADDRESS));
        }
        return client;
    }

    private static HttpHeaders headersOf(HttpClientResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().forEach(header -> headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>())
                .add(header.getValue()));
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        if (ownsVertx && vertx != null) {
            vertx.close();
        }
    }

    /** The answer as the JDK's client would give it. */
    private record PinnedResponse(int statusCode, HttpHeaders headers, InputStream body, HttpRequest request)
            implements HttpResponse<InputStream> {

        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public java.net.http.HttpClient.Version version() {
            return java.net.http.HttpClient.Version.HTTP_1_1;
        }
    }
}
