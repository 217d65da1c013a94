package dev.qide.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Keycloak, unpacked from Maven Central by the e2e profile into target/keycloak, started on loopback with
 * the test realm imported. The application under test signs in against it as its generic OIDC issuer.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "qide";
    public static final String CLIENT_ID = "qide";
    public static final String CLIENT_SECRET = "qide-test-client-secret-0123456789abcdef";
    public static final String BUTTON_LABEL = "Keycloak";
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(8);

    private Process process;

    @Override
    public Map<String, String> start() {
        Path home = distribution();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/qide-realm.json")) {
                Files.copy(realm, imports.resolve("qide-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            int managementPort = freePort();
            Path log = home.getParent().resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--http-management-port=" + managementPort,
                            "--import-realm"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-password-for-tests");
            process = builder.start();
            String issuer = "http://127.0.0.1:" + port + "/realms/" + REALM;
            awaitDiscovery(issuer, log);
            return Map.of(
                    "qide.oidc.sso.issuer", issuer,
                    "qide.oidc.sso.client-id", CLIENT_ID,
                    "qide.oidc.sso.client-secret", CLIENT_SECRET,
                    "qide.oidc.sso.name", BUTTON_LABEL);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak from " + home, e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private static Path distribution() {
        Path unpacked = Path.of("target", "keycloak");
        try (Stream<Path> candidates = Files.list(unpacked)) {
            return candidates
                    .filter(path -> Files.isExecutable(path.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Keycloak is not unpacked in target/keycloak: run the browser suites with ./mvnw verify -Pe2e", e);
        }
    }

    private void awaitDiscovery(String issuer, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited early; see " + log.toAbsolutePath());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        stop();
        throw new IllegalStateException(
                "Keycloak did not answer within " + STARTUP_LIMIT + "; see " + log.toAbsolutePath());
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
