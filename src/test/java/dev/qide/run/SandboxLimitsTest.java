package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.SandboxAvailability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each limit ends a run, with an outcome and a message that say which, and leaves the server working. */
class SandboxLimitsTest {

    @TempDir
    Path dataDir;

    private BubblewrapSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = TestSandboxes.create(dataDir);
        SandboxAvailability.require(sandbox.unavailableReason());
    }

    @Test
    void anEndlessLoopIsStoppedAtTheTimeLimit() throws Exception {
        SandboxRequest request =
                TestSandboxes.request(RunLanguage.PYTHON, "while True:\n    pass", Duration.ofSeconds(2));

        RunResult result = TestSandboxes.run(sandbox, request, SandboxOutput.ignore());

        assertThat(result.outcome()).isEqualTo(RunOutcome.TIMED_OUT);
        assertThat(result.message()).isEqualTo("Stopped after 2 s: the time limit.");
        assertThat(result.duration()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void pythonAllocatingTwoGibibytesIsStoppedAtTheMemoryLimit() throws Exception {
        RunResult result = TestSandboxes.run(
                sandbox,
                RunLanguage.PYTHON,
                "print('allocating', flush=True)\nx = bytearray(2 * 1024**3)\nprint('done')");

        assertThat(result.outcome()).isEqualTo(RunOutcome.MEMORY_LIMIT);
        assertThat(result.message()).isEqualTo("Stopped: the program used more than 512 MiB of memory.");
        assertThat(result.output()).isEqualTo("allocating\n");
    }

    @Test
    void nodeAllocatingWithoutEndIsStoppedAtTheMemoryLimit() throws Exception {
        RunResult result = TestSandboxes.run(
                sandbox, RunLanguage.JAVASCRIPT, "const kept = [];\nfor (;;) kept.push(Buffer.alloc(1 << 20, 1));");

        assertThat(result.outcome()).isEqualTo(RunOutcome.MEMORY_LIMIT);
        assertThat(result.message()).isEqualTo("Stopped: the program used more than 512 MiB of memory.");
    }

    @Test
    void filesTheProgramWritesCountAsMemoryAndNeverReachTheServersDisk() throws Exception {
        RunResult result = TestSandboxes.run(
                sandbox, RunLanguage.BASH, "head -c 2G /dev/zero > big.bin\necho \"exit $?\"\nls -l big.bin");

        assertThat(result.outcome()).isIn(RunOutcome.MEMORY_LIMIT, RunOutcome.COMPLETED);
        assertThat(result.output()).doesNotContain("2147483648");
        TestSandboxes.assertNoRunFilesIn(dataDir);
    }

    @Test
    void aBashForkBombIsStoppedAtTheProcessLimit() throws Exception {
        SandboxRequest request = TestSandboxes.request(
                RunLanguage.BASH, "bomb() { bomb | bomb & }\nbomb\nsleep 20", Duration.ofSeconds(20));

        RunResult result = TestSandboxes.run(sandbox, request, SandboxOutput.ignore());

        assertThat(result.outcome()).isEqualTo(RunOutcome.PROCESS_LIMIT);
        assertThat(result.message())
                .isEqualTo("Stopped: the program tried to run more than 64 processes or threads at once.");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        assertTheNextRunWorks();
    }

    @Test
    void aPythonForkLoopIsStoppedAtTheProcessLimit() throws Exception {
        String forkLoop =
                """
                import os
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """;
        SandboxRequest request = TestSandboxes.request(RunLanguage.PYTHON, forkLoop, Duration.ofSeconds(20));

        RunResult result = TestSandboxes.run(sandbox, request, SandboxOutput.ignore());

        assertThat(result.outcome()).isEqualTo(RunOutcome.PROCESS_LIMIT);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        assertTheNextRunWorks();
    }

    @Test
    void busyProcessesShareTheRunsCpuTime() throws Exception {
        BubblewrapSandbox quarterCore =
                TestSandboxes.create(dataDir, TestSandboxes.defaults().withCpus(0.25));
        // Two processes spin for a second of wall-clock time each; unlimited, they get well over a second of CPU
        // between them on two cores, at a quarter core about a quarter second.
        String spinTwo = "spin() { timeout 1 sh -c 'while :; do :; done'; }\nspin & spin & wait\ntimes";

        RunResult result = TestSandboxes.run(quarterCore, RunLanguage.BASH, spinTwo);

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(childCpuSeconds(result.output())).isBetween(0.1, 0.4);
    }

    @Test
    void hundredMegabytesOfOutputAreCutAtTheOutputCap() throws Exception {
        AtomicLong streamed = new AtomicLong();
        String flood = "import sys\nline = 'x' * 1023 + '\\n'\nfor _ in range(100 * 1024):\n    sys.stdout.write(line)";

        RunResult result = TestSandboxes.run(
                sandbox,
                TestSandboxes.request(RunLanguage.PYTHON, flood, null),
                chunk -> streamed.addAndGet(chunk.text().length()));

        assertThat(result.outcome()).isEqualTo(RunOutcome.OUTPUT_LIMIT);
        assertThat(result.message()).isEqualTo("Output cut at 1 MiB; the program was stopped.");
        assertThat(result.outputTruncated()).isTrue();
        assertThat(result.output()).hasSize(1024 * 1024);
        assertThat(streamed).hasValue(1024 * 1024);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stopKillsTheProgramAndEverythingItStarted() throws Exception {
        CompletableFuture<OutputChunk> started = new CompletableFuture<>();
        SandboxRun run = sandbox.start(
                TestSandboxes.request(RunLanguage.BASH, "sleep 987 &\nsleep 986 &\necho started\nwait", null),
                started::complete);
        started.get(10, TimeUnit.SECONDS);

        run.stop();
        RunResult result = run.result().get(10, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(RunOutcome.STOPPED);
        assertThat(result.message()).isEqualTo("Stopped before it finished.");
        assertThat(result.output()).isEqualTo("started\n");
        assertThat(ProcessHandle.allProcesses()
                        .map(process -> process.info().commandLine().orElse(""))
                        .filter(commandLine -> commandLine.contains("sleep 98")))
                .isEmpty();
        TestSandboxes.assertNoRunFilesIn(dataDir);
    }

    @Test
    void stopAfterTheEndChangesNothing() throws Exception {
        SandboxRun run = sandbox.start(TestSandboxes.request(RunLanguage.BASH, "echo done", null), chunk -> {});
        RunResult result = run.result().get(10, TimeUnit.SECONDS);

        run.stop();

        assertThat(run.result().get()).isSameAs(result);
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void shuttingDownStopsTheRunsStillGoing() throws Exception {
        CompletableFuture<OutputChunk> started = new CompletableFuture<>();
        SandboxRun run = sandbox.start(
                TestSandboxes.request(RunLanguage.BASH, "echo started\nsleep 60", null), started::complete);
        started.get(10, TimeUnit.SECONDS);

        sandbox.stopRunning();

        assertThat(run.result()).isCompleted();
        assertThat(run.result().get().outcome()).isEqualTo(RunOutcome.STOPPED);
        TestSandboxes.assertNoRunFilesIn(dataDir);
    }

    /** The children's user and system time from the second line of bash's {@code times}, e.g. "0m0.9s 0m0.1s". */
    private static double childCpuSeconds(String timesOutput) {
        String[] children = timesOutput.lines().toList().getLast().split(" ");
        return seconds(children[0]) + seconds(children[1]);
    }

    private static double seconds(String minutesAndSeconds) {
        String[] parts = minutesAndSeconds.replace("s", "").split("m");
        return Integer.parseInt(parts[0]) * 60 + Double.parseDouble(parts[1]);
    }

    private void assertTheNextRunWorks() throws Exception {
        RunResult next = TestSandboxes.run(sandbox, RunLanguage.BASH, "echo still working");

        assertThat(next.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(next.output()).isEqualTo("still working\n");
    }
}
