package dev.qide.llm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points every provider of a {@code @QuarkusTest} at one {@link FakeLlmServer} ({@code qide.llm.base-urls.<id>}).
 * Use {@code @QuarkusTestResource(FakeLlmResource.class)}, script it with {@link #server()}, and call
 * {@code server().reset()} before each test.
 */
public class FakeLlmResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeLlmServer server;

    @Override
    public Map<String, String> start() {
        server = FakeLlmServer.start();
        Map<String, String> config = new HashMap<>();
        for (String provider : FakeLlmServer.PROVIDERS) {
            config.put("qide.llm.base-urls." + provider, server.baseUrl(provider));
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The running fake server. */
    public static FakeLlmServer server() {
        if (server == null) {
            throw new IllegalStateException(
                    "FakeLlmResource has not started: add @QuarkusTestResource(FakeLlmResource.class)");
        }
        return server;
    }
}
