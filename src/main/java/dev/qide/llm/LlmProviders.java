package dev.qide.llm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider ids a plan may allow for BYOK keys, with the names people know them by. The catalog is checked
 * against this list at start so a typo in configuration fails loudly instead of silently allowing nothing.
 */
public final class LlmProviders {

    /** The id of a self-described OpenAI-compatible endpoint (Ollama, vLLM, LM Studio). */
    public static final String CUSTOM = "custom";

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("openai", "OpenAI");
        NAMES.put("anthropic", "Anthropic");
        NAMES.put("google", "Google Gemini");
        NAMES.put("cohere", "Cohere");
        NAMES.put("groq", "Groq");
        NAMES.put("openrouter", "OpenRouter");
        NAMES.put("moonshot", "Moonshot (Kimi)");
        NAMES.put("minimax", "MiniMax");
        NAMES.put(CUSTOM, "Custom endpoint");
    }

    private LlmProviders() {}

    public static boolean isKnown(String id) {
        return NAMES.containsKey(id);
    }

    public static String displayName(String id) {
        return NAMES.getOrDefault(id, id);
    }

    /** Every known provider except the custom endpoint. */
    public static long majorProviderCount() {
        return NAMES.size() - 1;
    }
}
