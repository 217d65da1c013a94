package dev.qide.byok;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Re-encrypts every provider key sealed with an older key-encryption key under the current one, a batch per
 * transaction, while the application keeps serving (both versions open until the old one is removed).
 */
@ApplicationScoped
public class KeyRotation {

    private static final int BATCH = 100;

    /** How many keys were re-encrypted, and how many could not be opened (their old key is not configured). */
    public record Outcome(int reencrypted, int unreadable, int version) {}

    /** How many keys are sealed with the current key-encryption key, and how many still with older ones. */
    public record Status(int currentVersion, long current, long older) {}

    private final KeyCipher cipher;

    KeyRotation(KeyCipher cipher) {
        this.cipher = cipher;
    }

    public Status status() {
        int version = cipher.currentVersion();
        return new Status(
                version, ProviderKey.count("kekVersion = ?1", version), ProviderKey.count("kekVersion <> ?1", version));
    }

    public Outcome reencryptAll() {
        int current = cipher.currentVersion();
        int reencrypted = 0;
        int unreadable = 0;
        UUID after = new UUID(0, 0); // the smallest UUID as databases order them (unsigned bytes)
        while (true) {
            UUID from = after;
            List<ProviderKey> batch = QuarkusTransaction.requiringNew()
                    .call(() -> ProviderKey.<ProviderKey>find("kekVersion <> ?1 and id > ?2 order by id", current, from)
                            .page(0, BATCH)
                            .list());
            if (batch.isEmpty()) {
                break;
            }
            int[] counts = QuarkusTransaction.requiringNew().call(() -> reencrypt(batch));
            reencrypted += counts[0];
            unreadable += counts[1];
            after = batch.get(batch.size() - 1).id;
        }
        Log.infof(
                "Provider keys re-encrypted under key-encryption key version %d: %d done, %d unreadable",
                current, reencrypted, unreadable);
        return new Outcome(reencrypted, unreadable, current);
    }

    private int[] reencrypt(List<ProviderKey> batch) {
        int done = 0;
        int failed = 0;
        for (ProviderKey stale : batch) {
            try {
                String plaintext = cipher.open(stale.sealed(), stale.id);
                KeyCipher.Sealed sealed = cipher.seal(plaintext, stale.id);
                // Conditional on the version read, so a key saved again meanwhile is left as its owner saved it.
                done += ProviderKey.update(
                        "sealedKey = ?1, kekVersion = ?2 where id = ?3 and kekVersion = ?4",
                        sealed.base64(),
                        sealed.kekVersion(),
                        stale.id,
                        stale.kekVersion);
            } catch (KeyUnavailableException e) {
                failed++;
            }
        }
        return new int[] {done, failed};
    }
}
