package dev.qide.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Provider catalog and client settings (QIDE_LLM_*). */
@ConfigMapping(prefix = "qide.llm")
public interface LlmConfig {

    /** A JSON file replacing the shipped catalog (llm-catalog.json): providers, models, windows, prices. */
    Optional<String> catalogFile();

    /** Base URLs replacing the catalog's, per provider id (e.g. a regional OpenAI endpoint, or a test server). */
    Map<String, String> baseUrls();

    /** How long to wait for a connection to a provider (the response headers may then take up to idle-timeout). */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long a provider may stay silent (no byte at all, headers included) before the reply is given up. */
    @WithDefault("60s")
    Duration idleTimeout();

    /** The context window assumed for a model the catalog does not list (custom endpoints, OpenRouter). */
    @WithDefault("8192")
    int unlistedContextWindow();
}
