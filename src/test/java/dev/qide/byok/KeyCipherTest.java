package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.QideConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCipherTest {

    static final String KEY_V1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String KEY_V2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @TempDir
    Path dataDir;

    @Test
    void aSealedKeyOpensOnlyForItsOwnRowAndNeverAppearsInTheCiphertext() {
        KeyCipher cipher = new KeyCipher(keys(Optional.of(KEY_V1), 1, Map.of(), true));
        UUID row = UUID.randomUUID();

        KeyCipher.Sealed sealed = cipher.seal("sk-proj-secret-value-1234", row);
        KeyCipher.Sealed again = cipher.seal("sk-proj-secret-value-1234", row);

        assertThat(sealed.kekVersion()).isEqualTo(1);
        assertThat(sealed.base64()).doesNotContain("secret");
        assertThat(new String(Base64.getDecoder().decode(sealed.base64()))).doesNotContain("secret");
        assertThat(again.base64()).as("a fresh nonce every time").isNotEqualTo(sealed.base64());
        assertThat(cipher.open(sealed, row)).isEqualTo("sk-proj-secret-value-1234");
        assertThatThrownBy(() -> cipher.open(sealed, UUID.randomUUID()))
                .isInstanceOf(KeyUnavailableException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void aChangedCiphertextDoesNotOpen() {
        KeyCipher cipher = new KeyCipher(keys(Optional.of(KEY_V1), 1, Map.of(), true));
        UUID row = UUID.randomUUID();
        byte[] bytes =
                Base64.getDecoder().decode(cipher.seal("sk-abc-1234567890", row).base64());
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() ->
                        cipher.open(new KeyCipher.Sealed(Base64.getEncoder().encodeToString(bytes), 1), row))
                .isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void afterRotationOldValuesStillOpenWhileTheOldKeyIsConfiguredAndNewOnesUseTheNewVersion() {
        UUID row = UUID.randomUUID();
        KeyCipher.Sealed old = new KeyCipher(keys(Optional.of(KEY_V1), 1, Map.of(), true)).seal("sk-old-0000001", row);
        KeyCipher rotated = new KeyCipher(keys(Optional.of(KEY_V2), 2, Map.of("1", KEY_V1), true));
        KeyCipher forgotten = new KeyCipher(keys(Optional.of(KEY_V2), 2, Map.of(), true));

        assertThat(rotated.open(old, row)).isEqualTo("sk-old-0000001");
        assertThat(rotated.seal("sk-new-0000002", row).kekVersion()).isEqualTo(2);
        assertThatThrownBy(() -> forgotten.open(old, row))
                .isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("version 1");
    }

    @Test
    void withoutAConfiguredKeyTheEmbeddedDefaultGeneratesOneOnceAndProductionRefusesToStart() throws Exception {
        KeyEncryptionKeys first = keys(Optional.empty(), 1, Map.of(), true);
        Path file = dataDir.resolve(KeyEncryptionKeys.GENERATED_FILE);
        String written = Files.readString(file);
        KeyEncryptionKeys second = keys(Optional.empty(), 1, Map.of(), true);

        assertThat(Base64.getDecoder().decode(written.strip())).hasSize(32);
        assertThat(second.current().getEncoded()).isEqualTo(first.current().getEncoded());
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThatThrownBy(() -> keys(Optional.empty(), 1, Map.of(), false))
                .hasMessageContaining("QIDE_BYOK_KEK is required");
        assertThatThrownBy(() -> keys(Optional.of("c2hvcnQ="), 1, Map.of(), true))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void masksShowOnlyTheStartAndTheLastFourCharacters() {
        assertThat(KeyMask.of("sk-proj-abcdefghijklmnopqrstuvwxyzAbCd")).isEqualTo("sk-…AbCd");
        assertThat(KeyMask.of("AIzaSyA1234567890abcdefghWxYz")).isEqualTo("AIz…WxYz");
        assertThat(KeyMask.of("short")).isEqualTo("…rt");
        for (String key : List.of("sk-proj-abcdefghijklmnopqrstuvwxyzAbCd", "AIzaSyA1234567890abcdefghWxYz")) {
            assertThat(KeyMask.of(key).length()).isLessThan(10);
        }
    }

    private KeyEncryptionKeys keys(Optional<String> kek, int version, Map<String, String> previous, boolean generate) {
        return keys(dataDir, kek, version, previous, generate);
    }

    /** Key-encryption keys as configuration would give them, with the data folder at {@code dataDir}. */
    static KeyEncryptionKeys keys(
            Path dataDir, Optional<String> kek, int version, Map<String, String> previous, boolean generate) {
        ByokConfig config = new ByokConfig() {
            @Override
            public Optional<String> kek() {
                return kek;
            }

            @Override
            public int kekVersion() {
                return version;
            }

            @Override
            public Map<String, String> previousKeks() {
                return previous;
            }

            @Override
            public boolean generateKekIfMissing() {
                return generate;
            }

            @Override
            public boolean allowPrivateEndpoints() {
                return false;
            }
        };
        QideConfig qide = new QideConfig() {
            @Override
            public String dataDir() {
                return dataDir.toString();
            }

            @Override
            public String baseUrl() {
                return "http://localhost";
            }

            @Override
            public boolean behindProxy() {
                return false;
            }

            @Override
            public String salesContact() {
                return "mailto:sales@example.com";
            }

            @Override
            public Optional<List<String>> adminEmails() {
                return Optional.empty();
            }
        };
        return new KeyEncryptionKeys(config, qide);
    }
}
