package dev.qide.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * LangChain4j's HTTP client SPI for one reply: sends over the shared {@link SseTransport}, reads the stream on its own
 * virtual thread, reports HTTP and connection failures to the reply itself, and lets a cancel close the exchange.
 */
final class ProviderHttpClient implements HttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final SseTransport transport;
    private final ProviderStream reply;
    private final Predicate<ServerSentEvent> endOfReply;
    private final ProviderErrors errors;

    ProviderHttpClient(SseTransport transport, ProviderStream reply, Predicate<ServerSentEvent> endOfReply) {
        this.transport = transport;
        this.reply = reply;
        this.endOfReply = endOfReply;
        this.errors = new ProviderErrors(reply);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Thread reader = Thread.ofVirtual()
                .name("llm-" + reply.endpoint().providerId())
                .unstarted(() -> exchange(request, parser, listener, true));
        reply.onClose(() -> {
            if (Thread.currentThread() != reader) {
                reader.interrupt();
            }
        });
        reader.start();
    }

    /** Not used by Q-IDE's streaming calls; answers LangChain4j's blocking calls within the idle timeout. */
    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = transport
                    .send(
                            toJdk(request, request.body()),
                            request.body(),
                            reply.endpoint().address())
                    .get(
                            transport
                                    .connectTimeout()
                                    .plus(transport.idleTimeout())
                                    .toMillis(),
                            TimeUnit.MILLISECONDS);
            String body;
            try (InputStream stream = response.body()) {
                body = new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (response.statusCode() / 100 != 2) {
                throw new HttpException(response.statusCode(), body);
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(body)
                    .build();
        } catch (IOException e) {
            throw errors.fromThrowable(e);
        } catch (ExecutionException e) {
            throw errors.fromThrowable(e.getCause());
        } catch (TimeoutException e) {
            throw errors.idle(transport.idleTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.endedEarly();
        }
    }

    private void exchange(
            HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener, boolean firstTry) {
        if (!reply.isOpen()) {
            return;
        }
        String origin = originOf(request.url());
        String body = request.body();
        boolean sendsStreamOptions = body != null && body.contains("\"stream_options\"");
        if (sendsStreamOptions && transport.rejectsStreamOptions(origin)) {
            body = withoutStreamOptions(body);
            sendsStreamOptions = false;
        }
        HttpResponse<InputStream> response;
        try {
            CompletableFuture<HttpResponse<InputStream>> pending =
                    transport.send(toJdk(request, body), body, reply.endpoint().address());
            reply.onClose(() -> pending.cancel(true));
            response = pending.get();
        } catch (InterruptedException | CancellationException e) {
            return; // the reply was cancelled while waiting for the provider
        } catch (ExecutionException e) {
            reply.fail(errors.fromThrowable(e.getCause()));
            return;
        }
        WatchedBody stream = new WatchedBody(response.body());
        reply.onClose(() -> closeQuietly(stream));
        transport.watch(stream, reply);
        try {
            int status = response.statusCode();
            Log.debugf(
                    "LLM call to %s for %s: HTTP %d",
                    reply.endpoint().providerId(), reply.request().model(), status);
            if (status / 100 != 2) {
                String text = stream.readUpTo(ERROR_BODY_LIMIT);
                if (firstTry
                        && sendsStreamOptions
                        && (status == 400 || status == 422)
                        && text.contains("stream_options")) {
                    // Some OpenAI-compatible servers refuse stream_options (LLM-CLIENTS.md pitfall 5): ask again
                    // without.
                    transport.rememberRejectsStreamOptions(origin);
                    closeQuietly(stream);
                    exchange(request, parser, listener, false);
                    return;
                }
                reply.fail(errors.fromStatus(status, text, RetryAfter.of(response.headers())));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(response.headers().map())
                    .build());
            SseGate gate = new SseGate(reply, listener, endOfReply, errors);
            parser.parse(stream, gate);
            gate.streamEnded(stream.idleTimedOut() ? errors.idle(transport.idleTimeout()) : null);
        } catch (IOException | RuntimeException e) {
            if (reply.isOpen()) {
                reply.fail(stream.idleTimedOut() ? errors.idle(transport.idleTimeout()) : errors.fromThrowable(e));
            }
        } finally {
            transport.unwatch(stream);
            closeQuietly(stream);
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request, String body) {
        URI uri = URI.create(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri)
                // Headers may come only with the first token, after a long prompt is read: wait as long as for a token.
                .timeout(transport.idleTimeout())
                .method(
                        request.method().name(),
                        body == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // Local servers (Ollama, vLLM, LM Studio) and plain HTTP: no h2c upgrade attempt.
            builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach((name, values) -> {
            if (values != null && !RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static String withoutStreamOptions(String body) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(body);
            json.remove("stream_options");
            return JSON.writeValueAsString(json);
        } catch (IOException | ClassCastException e) {
            return body;
        }
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the exchange is over either way
        }
    }

    /** Builds {@link ProviderHttpClient}s for one reply; the timeouts are the transport's, whatever a model asks. */
    static final class Builder implements HttpClientBuilder {

        private final SseTransport transport;
        private final ProviderStream reply;
        private final Predicate<ServerSentEvent> endOfReply;

        Builder(SseTransport transport, ProviderStream reply, Predicate<ServerSentEvent> endOfReply) {
            this.transport = transport;
            this.reply = reply;
            this.endOfReply = endOfReply;
        }

        @Override
        public Duration connectTimeout() {
            return transport.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return transport.idleTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            return this;
        }

        @Override
        public HttpClient build() {
            return new ProviderHttpClient(transport, reply, endOfReply);
        }
    }
}
