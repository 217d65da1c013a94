package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmCatalogTest {

    private final LlmConfig defaults = new LlmConfig() {
        @Override
        public Optional<String> catalogFile() {
            return Optional.empty();
        }

        @Override
        public Map<String, String> baseUrls() {
            return Map.of("openai", "http://127.0.0.1:9/v1/");
        }

        @Override
        public java.time.Duration connectTimeout() {
            return java.time.Duration.ofSeconds(1);
        }

        @Override
        public java.time.Duration idleTimeout() {
            return java.time.Duration.ofSeconds(1);
        }

        @Override
        public int unlistedContextWindow() {
            return 8192;
        }
    };

    @Test
    void theShippedCatalogHasEveryProviderWithItsWireFormat() {
        LlmCatalog catalog = new LlmCatalog(defaults);

        assertThat(catalog.providerIds())
                .containsExactly(
                        "openai",
                        "anthropic",
                        "google",
                        "cohere",
                        "groq",
                        "openrouter",
                        "moonshot",
                        "minimax",
                        "custom");
        assertThat(catalog.providers()).extracting(LlmProvider::id).isEqualTo(catalog.providerIds());
        assertThat(catalog.provider("anthropic").orElseThrow().wire()).isEqualTo(WireFormat.ANTHROPIC_MESSAGES);
        assertThat(catalog.provider("minimax").orElseThrow().wire()).isEqualTo(WireFormat.ANTHROPIC_MESSAGES);
        assertThat(catalog.provider("moonshot").orElseThrow().wire()).isEqualTo(WireFormat.OPENAI_CHAT);
        assertThat(catalog.provider("cohere").orElseThrow().wire()).isEqualTo(WireFormat.OPENAI_CHAT);
        assertThat(catalog.provider("cohere").orElseThrow().baseUrl())
                .contains("https://api.cohere.ai/compatibility/v1");
        assertThat(catalog.provider("custom").orElseThrow().baseUrl()).isEmpty();
    }

    @Test
    void theCatalogNamesEachProviderAsPeopleKnowIt() {
        LlmCatalog catalog = new LlmCatalog(defaults);

        assertThat(catalog.displayName("google")).isEqualTo("Google Gemini");
        assertThat(catalog.displayName("moonshot")).isEqualTo("Moonshot (Kimi)");
        assertThat(catalog.displayName(LlmProvider.CUSTOM)).isEqualTo("Custom endpoint");
        assertThat(catalog.provider(LlmProvider.CUSTOM).orElseThrow().isCustomEndpoint())
                .isTrue();
        assertThat(catalog.displayName("acme")).isEqualTo("acme");
        assertThat(catalog.provider(null)).isEmpty();
    }

    @Test
    void aConfiguredBaseUrlReplacesTheCatalogsWithoutItsTrailingSlash() {
        LlmCatalog catalog = new LlmCatalog(defaults);

        assertThat(catalog.provider("openai").orElseThrow().baseUrl()).contains("http://127.0.0.1:9/v1");
        assertThat(catalog.provider("anthropic").orElseThrow().baseUrl()).contains("https://api.anthropic.com/v1");
    }

    @Test
    void listedModelsCarryPricesAndOnlyOpenProvidersAcceptOthers() {
        LlmCatalog catalog = new LlmCatalog(defaults);

        LlmModel mini = catalog.model("openai", "gpt-4o-mini").orElseThrow();
        assertThat(mini.cost(new LlmUsage(1_000_000, 2_000_000, false))).isEqualByComparingTo("1.35");
        assertThat(catalog.model("openai", "gpt-imaginary")).isEmpty();
        assertThat(catalog.model("custom", "llama3.2:latest").orElseThrow().contextWindow())
                .isEqualTo(8192);
        assertThat(catalog.model("custom", "bad model id")).isEmpty();
        assertThat(catalog.model("nobody", "gpt-4o")).isEmpty();
        assertThat(catalog.model("openrouter", "qwen/qwen-2.5-coder-32b-instruct")
                        .orElseThrow()
                        .inputPricePerMillion())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aMistakeInTheCatalogFailsLoudly() throws Exception {
        var broken = new ObjectMapper()
                .readTree(
                        """
                {"providers": [
                  {"id": "openai", "name": "OpenAI", "wire": "OPENAI_CHAT", "base_url": "https://x/v1",
                   "models": [{"id": "m", "context_window": 100, "max_output_tokens": 200}]},
                  {"id": "acme", "wire": "OPENAI_CHAT", "base_url": "https://x/v1", "open_model_list": true},
                  {"id": "Acme Corp", "name": "Acme", "wire": "OPENAI_CHAT", "base_url": "https://x/v1", "models": []},
                  {"id": "openai", "name": "OpenAI again", "wire": "OPENAI_CHAT", "base_url": "https://y/v1"},
                  {"id": "groq", "name": "Groq", "wire": "SMOKE_SIGNALS", "models": []}
                ]}""");

        assertThatThrownBy(() -> new LlmCatalog(broken, Map.of("opnai", "https://z/v1"), 8192))
                .hasMessageContaining("max_output_tokens below it")
                .hasMessageContaining("acme: no name")
                .hasMessageContaining("provider id 'Acme Corp' is not lower-case letters, digits and dashes")
                .hasMessageContaining("provider id 'openai' is listed twice")
                .hasMessageContaining("unknown wire format 'SMOKE_SIGNALS'")
                .hasMessageContaining("qide.llm.base-urls.opnai names no provider of the catalog");
    }
}
