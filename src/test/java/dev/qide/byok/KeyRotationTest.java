package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A server whose key-encryption key was replaced (version 2) and still knows the old one (version 1). */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
@ClockSensitive
class KeyRotationTest {

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "qide.byok.kek", KeyCipherTest.KEY_V2,
                    "qide.byok.kek-version", "2",
                    "qide.byok.previous-keks.1", KeyCipherTest.KEY_V1);
        }
    }

    @Inject
    KeyCipher cipher;

    @Test
    void theAdminActionReencryptsOldKeysUnderTheNewVersionAndTheyStillOpen() {
        Browser admin = new Browser();
        admin.signUp("admin@qide.test", "Admin", dev.qide.support.Passwords.STRONG);
        Browser person = Browser.signedUp("Rotating Person");
        UUID userId = UUID.fromString(
                person.api().get("/api/auth/me").then().extract().path("user.id"));
        UUID keyId = UUID.randomUUID();
        KeyCipher oldCipher = new KeyCipher(
                KeyCipherTest.keys(Path.of("unused"), Optional.of(KeyCipherTest.KEY_V1), 1, Map.of(), false));
        KeyCipher.Sealed old = oldCipher.seal("sk-rotate-me-1234567890", keyId);
        StoredProviderKeys.insert(keyId, userId, "openai", null, "gpt-4o-mini", old);

        confirmAdminEmail();
        admin.get("/admin").then().statusCode(200);
        String before = admin.get("/admin").asString();
        admin.postForm("/admin/provider-keys/reencrypt", Map.of()).then().statusCode(303);

        assertThat(before).contains("with an older version");
        ProviderKey rotated = QuarkusTransaction.requiringNew().call(() -> ProviderKey.findById(keyId));
        assertThat(rotated.kekVersion).isEqualTo(2);
        assertThat(rotated.sealedKey).isNotEqualTo(old.base64());
        assertThat(cipher.open(rotated.sealed(), keyId)).isEqualTo("sk-rotate-me-1234567890");
        assertThat(admin.get("/admin").asString()).doesNotContain("with an older version");
    }

    private static void confirmAdminEmail() {
        QuarkusTransaction.requiringNew()
                .run(() -> dev.qide.account.user.User.update(
                        "emailVerifiedAt = ?1 where email = ?2", TestClock.now(), "admin@qide.test"));
    }
}
