package dev.qide.byok;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens provider keys with AES-256-GCM: a random 12-byte nonce per value, a 128-bit tag, and the owning
 * row's id as associated data, so a ciphertext copied onto another row does not open.
 */
@ApplicationScoped
public class KeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A sealed value and the version of the key-encryption key that sealed it. */
    public record Sealed(String base64, int kekVersion) {}

    private final KeyEncryptionKeys keys;
    private final SecureRandom random = new SecureRandom();

    KeyCipher(KeyEncryptionKeys keys) {
        this.keys = keys;
    }

    public Sealed seal(String plaintext, UUID rowId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, rowId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return new Sealed(Base64.getEncoder().encodeToString(out), keys.currentVersion());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens a value sealed for {@code rowId}.
     *
     * @throws KeyUnavailableException when the key version is unknown here or the value was tampered with
     */
    public String open(Sealed sealed, UUID rowId) {
        SecretKey key = keys.version(sealed.kekVersion())
                .orElseThrow(
                        () -> KeyUnavailableException.cannotOpen("it was encrypted with key-encryption key version "
                                + sealed.kekVersion() + ", which this server does not have"));
        byte[] bytes = Base64.getDecoder().decode(sealed.base64());
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), rowId);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw KeyUnavailableException.cannotOpen("it does not decrypt (changed or sealed for another key)");
        }
    }

    public int currentVersion() {
        return keys.currentVersion();
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID rowId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(rowId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
