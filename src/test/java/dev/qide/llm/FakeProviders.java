package dev.qide.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A {@link FakeLlmServer} and a {@link ProviderClients} pointed at it, for plain unit tests of the clients. */
final class FakeProviders implements AutoCloseable {

    /** A name that never resolves (RFC 6761): only a call pinned to the fake's address can reach it by this name. */
    static final String PINNED_HOST = "llm.pinned.invalid";

    final FakeLlmServer server = FakeLlmServer.start();
    final ProviderClients clients;
    private final boolean pinned;

    FakeProviders() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** Clients with the given idle timeout and check cap (the connect timeout is 2 s). */
    FakeProviders(Duration idleTimeout, Duration checkCap) {
        this(idleTimeout, checkCap, false);
    }

    private FakeProviders(Duration idleTimeout, Duration checkCap, boolean pinned) {
        clients = new ProviderClients(catalog(), Duration.ofSeconds(2), idleTimeout, checkCap);
        this.pinned = pinned;
    }

    /**
     * The same, but every endpoint names the fake by {@link #PINNED_HOST} and comes with its address, as a checked
     * custom endpoint does.
     */
    static FakeProviders pinned(Duration idleTimeout, Duration checkCap) {
        return new FakeProviders(idleTimeout, checkCap, true);
    }

    static LlmCatalog catalog() {
        try (InputStream shipped = FakeProviders.class.getResourceAsStream("/llm-catalog.json")) {
            return new LlmCatalog(new ObjectMapper().readTree(shipped), Map.of(), 8192);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String keyOf(String provider) {
        return "test-key-" + provider + "-0123456789";
    }

    ProviderEndpoint endpoint(String provider) {
        if (pinned) {
            return new ProviderEndpoint(
                    provider,
                    server.baseUrl(provider).replace("127.0.0.1", PINNED_HOST),
                    keyOf(provider),
                    InetAddress.getLoopbackAddress());
        }
        return new ProviderEndpoint(provider, server.baseUrl(provider), keyOf(provider));
    }

    static LlmRequest request(ProviderEndpoint endpoint, String model) {
        return new LlmRequest(
                endpoint,
                model,
                List.of(
                        new ChatTurn(ChatRole.SYSTEM, "You are a helpful assistant."),
                        new ChatTurn(ChatRole.USER, "What is the weather in San Francisco?")),
                256);
    }

    /** Streams a two-turn conversation from {@code provider}'s {@code model}. */
    RecordingListener stream(String provider, String model) {
        RecordingListener listener = new RecordingListener();
        clients.stream(request(endpoint(provider), model), listener);
        return listener;
    }

    @Override
    public void close() {
        clients.close();
        server.close();
    }
}
