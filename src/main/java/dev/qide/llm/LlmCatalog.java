package dev.qide.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The providers and models Q-IDE knows, and so the provider ids plans may allow and the names people know them by:
 * read at start from the shipped {@code llm-catalog.json} (or the file named by {@code qide.llm.catalog-file}), with
 * base URLs overridable per provider. A mistake fails the start loudly.
 */
@Startup
@ApplicationScoped
public class LlmCatalog {

    private static final String SHIPPED = "llm-catalog.json";

    /** What a provider id may look like: it is stored with keys and messages and named in configuration. */
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final Map<String, LlmProvider> providers;
    private final int unlistedContextWindow;

    @Inject
    LlmCatalog(LlmConfig config) {
        this(read(config.catalogFile()), config.baseUrls(), config.unlistedContextWindow());
    }

    LlmCatalog(JsonNode catalog, Map<String, String> baseUrls, int unlistedContextWindow) {
        this.providers = parse(catalog, baseUrls);
        this.unlistedContextWindow = unlistedContextWindow;
    }

    /** Every provider, in catalog order. */
    public List<LlmProvider> providers() {
        return List.copyOf(providers.values());
    }

    public Optional<LlmProvider> provider(String id) {
        return Optional.ofNullable(id == null ? null : providers.get(id));
    }

    /** Every provider id, in catalog order: the ids a plan may allow. */
    public List<String> providerIds() {
        return List.copyOf(providers.keySet());
    }

    /** The name people know provider {@code id} by, or the id itself when the catalog does not list it. */
    public String displayName(String id) {
        return provider(id).map(LlmProvider::name).orElse(id);
    }

    /**
     * The model {@code modelId} of {@code providerId}: the listed one, or for providers with an open model list an
     * unlisted model with the default window and no price; empty when the provider does not offer it.
     */
    public Optional<LlmModel> model(String providerId, String modelId) {
        return provider(providerId).flatMap(provider -> provider.model(modelId)
                .or(() -> provider.openModelList() && isPlausibleModelId(modelId)
                        ? Optional.of(unlistedModel(modelId))
                        : Optional.empty()));
    }

    /** A model the catalog does not list: the assumed window, a quarter of it for the reply, no known price. */
    public LlmModel unlistedModel(String modelId) {
        return new LlmModel(
                modelId,
                modelId,
                unlistedContextWindow,
                Math.max(256, unlistedContextWindow / 4),
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    private static boolean isPlausibleModelId(String modelId) {
        return modelId != null && modelId.matches("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");
    }

    private static JsonNode read(Optional<String> file) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            if (file.isPresent()) {
                return mapper.readTree(Files.readString(Path.of(file.get())));
            }
            try (InputStream shipped = LlmCatalog.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (shipped == null) {
                    throw new IllegalStateException(SHIPPED + " is missing from the application");
                }
                return mapper.readTree(shipped);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The LLM catalog " + file.orElse(SHIPPED) + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, LlmProvider> parse(JsonNode catalog, Map<String, String> baseUrls) {
        Map<String, LlmProvider> providers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode node : catalog.path("providers")) {
            String id = node.path("id").asText();
            if (!PROVIDER_ID.matcher(id).matches()) {
                problems.add("provider id '" + id + "' is not lower-case letters, digits and dashes");
                continue;
            }
            if (providers.containsKey(id)) {
                problems.add("provider id '" + id + "' is listed twice");
                continue;
            }
            String name = node.path("name").asText("").strip();
            if (name.isEmpty()) {
                problems.add(id + ": no name");
            }
            WireFormat wire;
            try {
                wire = WireFormat.valueOf(node.path("wire").asText());
            } catch (IllegalArgumentException e) {
                problems.add(id + ": unknown wire format '" + node.path("wire").asText() + "'");
                continue;
            }
            List<LlmModel> models = new ArrayList<>();
            for (JsonNode model : node.path("models")) {
                int window = model.path("context_window").asInt();
                int maxOutput = model.path("max_output_tokens").asInt(4096);
                if (model.path("id").asText().isBlank() || window <= 0 || maxOutput <= 0 || maxOutput >= window) {
                    problems.add(id + ": model " + model
                            + " needs an id, a context_window and a max_output_tokens below it");
                    continue;
                }
                models.add(new LlmModel(
                        model.path("id").asText(),
                        model.path("name").asText(model.path("id").asText()),
                        window,
                        maxOutput,
                        new BigDecimal(model.path("input_per_million").asText("0")),
                        new BigDecimal(model.path("output_per_million").asText("0"))));
            }
            Optional<String> baseUrl = Optional.ofNullable(baseUrls.get(id))
                    .or(() -> Optional.ofNullable(node.path("base_url").textValue()))
                    .map(url -> url.replaceAll("/+$", ""));
            boolean openModelList = node.path("open_model_list").asBoolean(false);
            if (baseUrl.isEmpty() && !id.equals(LlmProvider.CUSTOM)) {
                problems.add(id + ": no base_url");
            }
            if (models.isEmpty() && !openModelList) {
                problems.add(id + ": no models and no open model list");
            }
            providers.put(id, new LlmProvider(id, name, wire, baseUrl, openModelList, models));
        }
        baseUrls.keySet().stream()
                .filter(id -> !providers.containsKey(id))
                .forEach(id -> problems.add("qide.llm.base-urls." + id + " names no provider of the catalog"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The LLM catalog is invalid: " + String.join("; ", problems));
        }
        return providers;
    }
}
