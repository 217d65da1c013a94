package dev.qide.byok;

import dev.qide.support.Browser;
import dev.qide.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.UUID;

/** The provider keys made by members of a browser's workspace, as stored, by provider. */
final class StoredProviderKeys {

    private StoredProviderKeys() {}

    static List<ProviderKey> of(Browser browser) {
        UUID workspace = browser.workspaceId();
        return QuarkusTransaction.requiringNew()
                .call(() -> ProviderKey.<ProviderKey>list(
                        "createdBy in (select m.user.id from WorkspaceMember m where m.workspace.id = ?1)"
                                + " order by provider",
                        workspace));
    }

    /**
     * Stores a personal key as an earlier version of the application (or another configuration) left it: sealed
     * already, bypassing today's checks.
     */
    static void insert(
            UUID keyId, UUID userId, String provider, String baseUrl, String model, KeyCipher.Sealed sealed) {
        QuarkusTransaction.requiringNew().run(() -> {
            ProviderKey key = new ProviderKey();
            key.id = keyId;
            key.userId = userId;
            key.provider = provider;
            key.baseUrl = baseUrl;
            key.defaultModel = model;
            key.sealedKey = sealed.base64();
            key.kekVersion = sealed.kekVersion();
            key.maskedKey = "…" + keyId.toString().substring(0, 4);
            key.createdAt = TestClock.now();
            key.updatedAt = key.createdAt;
            key.persist();
        });
    }
}
