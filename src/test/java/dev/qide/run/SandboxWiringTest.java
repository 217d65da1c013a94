package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.SandboxAvailability;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The application hands out the bubblewrap sandbox, configured from application.properties. */
@QuarkusTest
class SandboxWiringTest {

    @Inject
    Sandbox sandbox;

    @Inject
    SandboxConfig config;

    @Test
    void theDefaultsApply() {
        assertThat(config.defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.memory().asLongValue()).isEqualTo(512L << 20);
        assertThat(config.maxProcesses()).isEqualTo(64);
        assertThat(config.cpus()).isEqualTo(1.0);
        assertThat(config.outputCap().asLongValue()).isEqualTo(1L << 20);
        assertThat(config.runUid()).isEqualTo(64000);
        assertThat(config.runGid()).isEqualTo(64000);
    }

    @Test
    void theInjectedSandboxRunsAProgram() throws Exception {
        SandboxAvailability.require(sandbox.unavailableReason());
        SandboxRequest request = new SandboxRequest(RunLanguage.BASH, Map.of("hello.sh", "echo hello"), "hello.sh");

        RunResult result =
                sandbox.start(request, SandboxOutput.ignore()).result().get(30, TimeUnit.SECONDS);

        assertThat(result.output()).isEqualTo("hello\n");
    }
}
