package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.quarkus.logging.Log;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the provider clients cost per streamed token: N concurrent OpenAI-format streams from the fake server, read
 * once through {@link ProviderClients} and once by a bare HTTP reader that only drains the bytes; the difference in
 * process CPU per token is the clients' overhead (parsing, LangChain4j, listener calls). Prints; asserts nothing
 * about time. {@code ./mvnw test -Pbench -Dtest=ProviderClientsBenchmark}
 */
@Tag("benchmark")
class ProviderClientsBenchmark {

    private static final int TOKENS = 400;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void clientOverheadPerToken() throws Exception {
        try (FakeProviders fake = new FakeProviders(Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            fake.server.script("openai", FakeReply.text("tok ".repeat(TOKENS), TOKENS));
            HttpClient bare =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            measure(fake, bare, 50); // warm-up
            for (int streams : new int[] {10, 100, 500}) {
                measure(fake, bare, streams);
            }
        }
    }

    private static void measure(FakeProviders fake, HttpClient bare, int streams) throws Exception {
        Run baseline = run(streams, () -> drain(bare, fake.server.baseUrl("openai")));
        Run clients = run(streams, () -> viaClients(fake));
        long tokens = (long) streams * TOKENS;
        Log.infof(
                "%4d streams x %d tokens: clients %6d ms wall, %6.1f µs CPU/token; bare reader %6.1f µs CPU/token;"
                        + " client overhead ≈ %5.1f µs/token",
                streams,
                TOKENS,
                clients.wallMillis,
                clients.cpuNanos / 1000.0 / tokens,
                baseline.cpuNanos / 1000.0 / tokens,
                (clients.cpuNanos - baseline.cpuNanos) / 1000.0 / tokens);
    }

    private record Run(long wallMillis, long cpuNanos) {}

    private static Run run(int streams, java.util.concurrent.Callable<CompletableFuture<Void>> start) throws Exception {
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            all.add(start.call());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        return new Run(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wall), OS.getProcessCpuTime() - cpu);
    }

    private static CompletableFuture<Void> viaClients(FakeProviders fake) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] tokens = new int[1];
        fake.clients.stream(FakeProviders.request(fake.endpoint("openai"), "gpt-4o-mini"), new LlmStreamListener() {
            @Override
            public void onToken(String text) {
                tokens[0]++;
            }

            @Override
            public void onComplete(LlmUsage usage, String finishReason) {
                assertThat(tokens[0]).isEqualTo(TOKENS);
                done.complete(null);
            }

            @Override
            public void onFailure(LlmFailure failure) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    private static CompletableFuture<Void> drain(HttpClient bare, String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"stream\":true}"))
                .build();
        return bare.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    try (InputStream body = response.body()) {
                        body.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }
}
