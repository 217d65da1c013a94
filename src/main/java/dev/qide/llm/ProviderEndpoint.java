package dev.qide.llm;

/**
 * Where and as whom to call a provider: its id, the base URL (including the API version path, e.g.
 * {@code https://api.openai.com/v1}) and the decrypted key. Short-lived: built per request and never logged, so
 * {@link #toString()} leaves the key out.
 */
public record ProviderEndpoint(String providerId, String baseUrl, String apiKey) {

    @Override
    public String toString() {
        return "ProviderEndpoint[" + providerId + " at " + baseUrl + "]";
    }
}
