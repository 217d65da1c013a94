package dev.qide.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Tests that run code need bubblewrap: skipped without it on a developer's machine, a failure in CI. */
public final class Bubblewrap {

    private Bubblewrap() {}

    public static void require() {
        if (Files.isExecutable(Path.of("/usr/bin/bwrap")) || Files.isExecutable(Path.of("/bin/bwrap"))) {
            return;
        }
        String message = "bubblewrap is not installed (apt-get install bubblewrap): code-run tests need it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
