package dev.qide.byok;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** How provider keys are encrypted (QIDE_BYOK_*). */
@ConfigMapping(prefix = "qide.byok")
public interface ByokConfig {

    /** The key-encryption key: 32 random bytes in base64 (QIDE_BYOK_KEK); never stored in the database. */
    Optional<String> kek();

    /** The version of {@link #kek()}, stored with every ciphertext; raise it when the key is replaced. */
    @WithDefault("1")
    int kekVersion();

    /**
     * Earlier key-encryption keys by version (QIDE_BYOK_PREVIOUS_KEKS_1=...), kept until every provider key sealed
     * with them has been re-encrypted (Admin, Provider keys).
     */
    Map<String, String> previousKeks();

    /**
     * Without {@link #kek()}, generate one once into {data-dir}/byok-kek (the embedded default, with a warning).
     * Off in production profiles, where a missing key stops the start.
     */
    @WithDefault("true")
    boolean generateKekIfMissing();

    /**
     * Whether custom endpoints may be on loopback, private or link-local addresses (a local install calling Ollama).
     * Off by default so a key cannot make the server call into its own network.
     */
    @WithDefault("false")
    boolean allowPrivateEndpoints();
}
