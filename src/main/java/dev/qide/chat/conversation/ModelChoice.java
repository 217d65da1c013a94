package dev.qide.chat.conversation;

/** The composer's "provider/model" choice ("openai/gpt-4o-mini", "openrouter/meta-llama/llama-3.3-70b-instruct"). */
public record ModelChoice(String provider, String model) {

    public static ModelChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return new ModelChoice("", "");
        }
        int slash = value.indexOf('/');
        return slash < 0
                ? new ModelChoice(value.strip(), "")
                : new ModelChoice(
                        value.substring(0, slash).strip(),
                        value.substring(slash + 1).strip());
    }
}
