package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What runs of a killed server left behind is removed when the next one starts; nothing else is touched. */
class LeftoverCleanupTest {

    @TempDir
    Path dataDir;

    @Test
    void scratchFoldersOfEarlierRunsAreRemovedAtStart() throws Exception {
        Path sandbox = Files.createDirectories(dataDir.resolve("sandbox"));
        Path leftover = Files.createDirectories(sandbox.resolve("run-0b7c6d1e/src"));
        Files.writeString(leftover.resolve("main.py"), "print('left behind')");
        Path unrelated = Files.createDirectories(sandbox.resolve("notes"));

        TestSandboxes.create(dataDir).removeLeftovers(null);

        assertThat(sandbox.resolve("run-0b7c6d1e")).doesNotExist();
        assertThat(unrelated).isDirectory();
    }

    @Test
    void aMissingScratchFolderIsFine() {
        TestSandboxes.create(dataDir).removeLeftovers(null);
        assertThat(dataDir.resolve("sandbox")).doesNotExist();
    }
}
