package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.logging.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sandbox adds to starting a program: an empty bash script and Python's {@code pass}, run through the
 * sandbox and as a bare process, timed from start to result. Prints figures; asserts only that the runs worked.
 */
@Tag("benchmark")
class SandboxStartBenchmark {

    private static final int WARM_UP = 10;
    private static final int RUNS = 50;

    @TempDir
    Path dataDir;

    @Test
    void startOverhead() throws Exception {
        BubblewrapSandbox sandbox = TestSandboxes.create(dataDir);
        Path emptyScript = Files.writeString(dataDir.resolve("empty.sh"), "");
        Path passScript = Files.writeString(dataDir.resolve("pass.py"), "pass\n");

        report("bash, empty script, bare", time(() -> bare("/usr/bin/bash", emptyScript.toString())));
        report("bash, empty script, sandbox", time(() -> sandboxed(sandbox, RunLanguage.BASH, "")));
        report("python3 pass, bare", time(() -> bare("/usr/bin/python3", passScript.toString())));
        report("python3 pass, sandbox", time(() -> sandboxed(sandbox, RunLanguage.PYTHON, "pass\n")));
    }

    private static void bare(String... command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
    }

    private static void sandboxed(Sandbox sandbox, RunLanguage language, String source) throws Exception {
        String entry = "main" + language.extensions().getFirst();
        RunResult result = TestSandboxes.run(
                sandbox, new SandboxRequest(language, Map.of(entry, source), entry), SandboxOutput.ignore());
        assertThat(result.exitCode()).isZero();
    }

    private static double[] time(Action action) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            action.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        Log.infof(
                "%-28s p50 %6.1f ms   p90 %6.1f ms   mean %6.1f ms   (%d runs)",
                what,
                percentile(sorted, 50),
                percentile(sorted, 90),
                Arrays.stream(sorted).average().orElseThrow(),
                sorted.length);
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}
