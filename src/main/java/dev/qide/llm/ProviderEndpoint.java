package dev.qide.llm;

import java.net.InetAddress;

/**
 * Where and as whom to call a provider: its id, the base URL (including the API version path, e.g.
 * {@code https://api.openai.com/v1}), the decrypted key, and, for an endpoint whose address was checked, the
 * {@code address} its host was resolved to: the call connects there and nowhere else, with the URL's host name still
 * in the Host header and TLS (SNI, certificate). Null {@code address}: the HTTP client resolves the name itself.
 * Short-lived: built per request and never logged, so {@link #toString()} leaves the key out.
 */
public record ProviderEndpoint(String providerId, String baseUrl, String apiKey, InetAddress address) {

    public ProviderEndpoint(String providerId, String baseUrl, String apiKey) {
        this(providerId, baseUrl, apiKey, null);
    }

    @Override
    public String toString() {
        return "ProviderEndpoint[" + providerId + " at " + baseUrl
                + (address == null ? "" : " (" + address.getHostAddress() + ")") + "]";
    }
}
