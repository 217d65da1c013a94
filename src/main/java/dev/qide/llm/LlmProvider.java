package dev.qide.llm;

import java.util.List;
import java.util.Optional;

/**
 * A provider of the catalog. {@code baseUrl} is empty for the custom endpoint (the key brings its own);
 * {@code openModelList} providers accept model ids beyond the listed ones (OpenRouter, custom endpoints), which
 * then get {@link LlmCatalog#unlistedModel}'s window and no price.
 */
public record LlmProvider(
        String id,
        String name,
        WireFormat wire,
        Optional<String> baseUrl,
        boolean openModelList,
        List<LlmModel> models) {

    /** The id of a self-described OpenAI-compatible endpoint (Ollama, vLLM, LM Studio): the key brings its address. */
    public static final String CUSTOM = "custom";

    public LlmProvider {
        models = List.copyOf(models);
    }

    public Optional<LlmModel> model(String modelId) {
        return models.stream().filter(model -> model.id().equals(modelId)).findFirst();
    }

    /** Whether this is the self-described endpoint rather than a provider the catalog names. */
    public boolean isCustomEndpoint() {
        return id.equals(CUSTOM);
    }

    /** The model a new key starts with: the first listed. */
    public Optional<LlmModel> defaultModel() {
        return models.stream().findFirst();
    }
}
