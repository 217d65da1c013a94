package dev.qide.byok;

import dev.qide.QideConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys by version: the current one seals, every known one opens. Read from configuration; in the
 * embedded default a missing key is generated once into the data folder.
 */
@ApplicationScoped
public class KeyEncryptionKeys {

    static final String GENERATED_FILE = "byok-kek";

    private final Map<Integer, SecretKey> keys = new HashMap<>();
    private final int currentVersion;

    KeyEncryptionKeys(ByokConfig config, QideConfig qide) {
        this.currentVersion = config.kekVersion();
        String current = config.kek()
                .filter(value -> !value.isBlank())
                .orElseGet(() -> generatedKey(config, Path.of(qide.dataDir())));
        keys.put(currentVersion, decode(current, "qide.byok.kek"));
        config.previousKeks().forEach((version, value) -> {
            int number;
            try {
                number = Integer.parseInt(version.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(
                        "qide.byok.previous-keks needs whole-number versions, got '" + version + "'");
            }
            if (number != currentVersion) {
                keys.put(number, decode(value, "qide.byok.previous-keks." + version));
            }
        });
    }

    public int currentVersion() {
        return currentVersion;
    }

    public SecretKey current() {
        return keys.get(currentVersion);
    }

    /** The key of {@code version}, if this server still knows it. */
    public Optional<SecretKey> version(int version) {
        return Optional.ofNullable(keys.get(version));
    }

    private static SecretKey decode(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (AES-256), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String generatedKey(ByokConfig config, Path dataDir) {
        if (!config.generateKekIfMissing()) {
            throw new IllegalStateException("QIDE_BYOK_KEK is required: 32 random bytes in base64, such as the"
                    + " output of `openssl rand -base64 32`. Provider keys are encrypted with it.");
        }
        Path file = dataDir.resolve(GENERATED_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String encoded = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            restrictToOwner(file);
            Log.warnf(
                    "No QIDE_BYOK_KEK configured: generated a key-encryption key for provider keys into %s."
                            + " Fine for a local install; in production set QIDE_BYOK_KEK and keep it outside the"
                            + " database and its backups.",
                    file.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the key-encryption key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            Log.debug("The file system does not support POSIX permissions; the key file keeps its defaults");
        }
    }
}
