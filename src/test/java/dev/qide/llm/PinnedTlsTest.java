package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over TLS, a call pinned to an address still names the host: the TLS server name (SNI) and the Host header are the
 * URL's name, and the certificate must be valid for that name, not for the address connected to.
 */
class PinnedTlsTest {

    private static final String NAME = "llm.pinned.test";
    private static final String REPLY = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"llama3.2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"OK\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3.2\","
            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    @TempDir
    static Path dir;

    private static Vertx vertx;
    private static final List<String> serverNames = new CopyOnWriteArrayList<>();
    private static final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theServerNameAndHostAreTheNameAndTheCertificateIsCheckedAgainstIt() throws Exception {
        Path keys = certificate("named", "dns:" + NAME);
        int port = serve(keys);

        ProviderClients clients = clientsTrusting(keys);
        try {
            clients.check(endpoint(port), "llama3.2");
        } finally {
            clients.close();
        }

        assertThat(serverNames).containsExactly(NAME);
        assertThat(hosts).containsExactly(NAME + ":" + port);
    }

    @Test
    void aCertificateForTheAddressConnectedToButNotForTheNameIsRefused() throws Exception {
        Path keys = certificate("address", "ip:127.0.0.1");
        int port = serve(keys);

        ProviderClients clients = clientsTrusting(keys);
        LlmFailure failure;
        try {
            failure = catchThrowableOfType(LlmFailure.class, () -> clients.check(endpoint(port), "llama3.2"));
        } finally {
            clients.close();
        }

        assertThat(failure.kind()).isEqualTo(LlmFailure.Kind.UNREACHABLE);
        assertThat(failure.getMessage()).contains("secure connection");
        assertThat(hosts).isEmpty();
    }

    @Test
    void anIpLiteralEndpointIsCheckedAgainstTheAddress() throws Exception {
        Path keys = certificate("literal", "ip:127.0.0.1");
        int port = serve(keys);

        ProviderClients clients = clientsTrusting(keys);
        try {
            clients.check(
                    new ProviderEndpoint(
                            "custom", "https://127.0.0.1:" + port + "/v1", "k", InetAddress.getLoopbackAddress()),
                    "llama3.2");
        } finally {
            clients.close();
        }

        assertThat(hosts).containsExactly("127.0.0.1:" + port);
    }

    private static ProviderEndpoint endpoint(int port) {
        return new ProviderEndpoint(
                "custom", "https://" + NAME + ":" + port + "/v1", "test-key-0123", InetAddress.getLoopbackAddress());
    }

    private static ProviderClients clientsTrusting(Path keys) {
        PemTrustOptions trust = new PemTrustOptions()
                .addCertPath(keys.resolveSibling(keys.getFileName() + ".pem").toString());
        return new ProviderClients(
                FakeProviders.catalog(),
                new SseTransport(Duration.ofSeconds(5), Duration.ofSeconds(10), vertx, trust),
                Duration.ofSeconds(20));
    }

    /** An HTTPS server on 127.0.0.1 answering one OpenAI-style streamed reply, recording SNI and Host. */
    private static int serve(Path keys) throws Exception {
        serverNames.clear();
        hosts.clear();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                        .setHost("127.0.0.1")
                        .setPort(0)
                        .setSsl(true)
                        .setSni(true)
                        .setKeyCertOptions(
                                new PfxOptions().setPath(keys.toString()).setPassword("changeit")))
                .requestHandler(request -> {
                    serverNames.add(String.valueOf(request.connection().indicatedServerName()));
                    hosts.add(request.getHeader("Host"));
                    request.body().onComplete(body -> request.response()
                            .putHeader("Content-Type", "text/event-stream")
                            .end(REPLY));
                });
        return server.listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    /** A self-signed certificate with {@code san} (keytool), as a PKCS#12 key store and a PEM file beside it. */
    private static Path certificate(String name, String san) throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        Files.deleteIfExists(store);
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=" + san,
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-file",
                store + ".pem");
        return store;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
