package dev.qide.byok;

import dev.qide.identity.SignedInUser;
import dev.qide.llm.LlmClient;
import dev.qide.llm.LlmFailure;
import jakarta.enterprise.context.ApplicationScoped;

/** "Test connection": opens a key (audited) and makes the provider's cheapest call with it. */
@ApplicationScoped
public class ConnectionTester {

    private final ProviderKeyService keys;
    private final LlmClient client;

    ConnectionTester(ProviderKeyService keys, LlmClient client) {
        this.keys = keys;
        this.client = client;
    }

    public ConnectionResult test(SignedInUser user, ProviderKey key, String ipAddress) {
        UnlockedKey unlocked;
        try {
            unlocked = keys.unlock(user, key, "test connection", ipAddress);
        } catch (KeyUnavailableException e) {
            return new ConnectionResult(false, e.getMessage());
        }
        try {
            client.check(unlocked.endpoint(), unlocked.defaultModel());
            return new ConnectionResult(true, "Connected: the key works with " + unlocked.defaultModel() + ".");
        } catch (LlmFailure failure) {
            return new ConnectionResult(false, failure.getMessage());
        }
    }
}
