package dev.qide.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link LlmClient}: streams each request in its provider's wire format, through LangChain4j's provider models
 * (OpenAI chat, Anthropic messages, Gemini), all over one {@link SseTransport}.
 */
@ApplicationScoped
public class ProviderClients implements LlmClient {

    /** The longest a {@link #check} waits for its one-token answer. */
    private static final Duration CHECK_CAP = Duration.ofSeconds(20);

    private static final List<ChatTurn> CHECK_PROMPT = List.of(new ChatTurn(ChatRole.USER, "Say OK."));

    private final LlmCatalog catalog;
    private final SseTransport transport;
    private final Duration checkCap;

    @Inject
    public ProviderClients(LlmCatalog catalog, LlmConfig config, Vertx vertx) {
        this(catalog, new SseTransport(config.connectTimeout(), config.idleTimeout(), vertx, null), CHECK_CAP);
    }

    ProviderClients(LlmCatalog catalog, Duration connectTimeout, Duration idleTimeout, Duration checkCap) {
        this(catalog, new SseTransport(connectTimeout, idleTimeout, null, null), checkCap);
    }

    ProviderClients(LlmCatalog catalog, SseTransport transport, Duration checkCap) {
        this.catalog = catalog;
        this.transport = transport;
        this.checkCap = checkCap;
    }

    @Override
    public LlmStream stream(LlmRequest request, LlmStreamListener listener) {
        ProviderEndpoint endpoint = request.endpoint();
        LlmProvider provider = catalog.provider(endpoint.providerId()).orElse(null);
        ProviderStream reply =
                new ProviderStream(request, provider == null ? endpoint.providerId() : provider.name(), listener);
        if (provider == null) {
            reply.fail(new LlmFailure(LlmFailure.Kind.BAD_REQUEST, "Q-IDE does not know this provider."));
            return reply;
        }
        Log.debugf("LLM reply from %s, model %s", provider.id(), request.model());
        if (endpoint.baseUrl() == null || endpoint.baseUrl().isBlank()) {
            reply.fail(new LlmFailure(LlmFailure.Kind.BAD_REQUEST, provider.name() + " has no address configured."));
            return reply;
        }
        HttpClientBuilder http = transport.builderFor(reply, StreamEnd.of(provider.wire()));
        try {
            LangChainModels.stream(provider.wire(), reply, http);
        } catch (RuntimeException e) {
            // LangChain4j validates the request before sending (a blank model name, a bad base URL).
            reply.fail(new LlmFailure(
                    LlmFailure.Kind.BAD_REQUEST,
                    provider.name() + " cannot be asked this: " + new ProviderErrors(reply).safe(e.getMessage())));
        }
        return reply;
    }

    /** A one-token reply: the first token (or the end) proves key, credit, model and address. */
    @Override
    public void check(ProviderEndpoint endpoint, String model) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        LlmStream stream = stream(new LlmRequest(endpoint, model, CHECK_PROMPT, 1), new LlmStreamListener() {
            @Override
            public void onToken(String text) {
                answered.complete(null);
            }

            @Override
            public void onComplete(LlmUsage usage, String finishReason) {
                answered.complete(null);
            }

            @Override
            public void onFailure(LlmFailure failure) {
                answered.completeExceptionally(failure);
            }
        });
        try {
            answered.get(checkCap.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (LlmFailure) e.getCause();
        } catch (TimeoutException e) {
            throw new LlmFailure(
                    LlmFailure.Kind.TIMEOUT,
                    "No answer within " + checkCap.toSeconds() + " s from " + displayName(endpoint) + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure(LlmFailure.Kind.TIMEOUT, "The check was interrupted.");
        } finally {
            stream.cancel();
        }
    }

    private String displayName(ProviderEndpoint endpoint) {
        return catalog.provider(endpoint.providerId()).map(LlmProvider::name).orElse(endpoint.providerId());
    }

    @PreDestroy
    void close() {
        transport.close();
    }
}
