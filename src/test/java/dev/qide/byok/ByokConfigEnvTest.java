package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rotation settings as the README spells them in the environment reach the mapping. */
class ByokConfigEnvTest {

    @Test
    void previousKeysAreReadFromTheEnvironmentByVersion() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ByokConfig.class)
                .withSources(new EnvConfigSource(
                        Map.of(
                                "QIDE_BYOK_KEK", KeyCipherTest.KEY_V2,
                                "QIDE_BYOK_KEK_VERSION", "2",
                                "QIDE_BYOK_PREVIOUS_KEKS_1", KeyCipherTest.KEY_V1),
                        300))
                .build();

        ByokConfig byok = config.getConfigMapping(ByokConfig.class);

        assertThat(byok.kekVersion()).isEqualTo(2);
        assertThat(byok.kek()).contains(KeyCipherTest.KEY_V2);
        assertThat(byok.previousKeks()).containsExactly(Map.entry("1", KeyCipherTest.KEY_V1));
    }
}
