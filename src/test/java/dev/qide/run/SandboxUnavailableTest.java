package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxUnavailableTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutBubblewrapRunsAreRefusedAndNothingRuns() {
        BubblewrapSandbox sandbox =
                TestSandboxes.create(dataDir, TestSandboxes.defaults().withBwrap("/nonexistent/bwrap"));
        Path ranMarker = dataDir.resolve("ran");
        SandboxRequest request = TestSandboxes.request(RunLanguage.BASH, "touch " + ranMarker, null);

        assertThat(sandbox.unavailableReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("bubblewrap"));
        assertThatThrownBy(() -> sandbox.start(request, SandboxOutput.ignore()))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("bubblewrap");
        assertThat(ranMarker).doesNotExist();
        assertThat(dataDir.resolve("sandbox")).doesNotExist();
    }

    @Test
    void aBwrapNameNotOnThePathIsNotFound() {
        BubblewrapSandbox sandbox =
                TestSandboxes.create(dataDir, TestSandboxes.defaults().withBwrap("no-such-bwrap"));

        assertThat(sandbox.unavailableReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("bubblewrap"));
    }
}
