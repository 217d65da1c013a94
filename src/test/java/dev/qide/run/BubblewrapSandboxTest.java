package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.SandboxAvailability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BubblewrapSandboxTest {

    @TempDir
    Path dataDir;

    private BubblewrapSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = TestSandboxes.create(dataDir);
        SandboxAvailability.require(sandbox.unavailableReason());
    }

    @Test
    void runsPython() throws Exception {
        RunResult result = TestSandboxes.run(sandbox, RunLanguage.PYTHON, "print('Hello from', 'Python')");

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("Hello from Python\n");
        assertThat(result.message()).isEqualTo("Exited with code 0.");
        assertThat(result.outputTruncated()).isFalse();
    }

    @Test
    void runsNode() throws Exception {
        RunResult result = TestSandboxes.run(sandbox, RunLanguage.JAVASCRIPT, "console.log('Hello from Node', 1 + 1)");

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("Hello from Node 2\n");
    }

    @Test
    void runsBash() throws Exception {
        RunResult result = TestSandboxes.run(sandbox, RunLanguage.BASH, "echo \"Hello from $0\" | tr a-z A-Z");

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("HELLO FROM MAIN.SH\n");
    }

    @Test
    void reportsANonZeroExitCode() throws Exception {
        RunResult result = TestSandboxes.run(sandbox, RunLanguage.PYTHON, "import sys\nsys.exit(3)");

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("Exited with code 3.");
    }

    @Test
    void passesOnStdoutAndStderrTaggedByStream() throws Exception {
        List<OutputChunk> chunks = new CopyOnWriteArrayList<>();
        SandboxRequest request =
                TestSandboxes.request(RunLanguage.BASH, "echo to-stdout\necho to-stderr >&2\nexit 1", null);

        RunResult result = TestSandboxes.run(sandbox, request, chunks::add);

        assertThat(chunks)
                .contains(
                        new OutputChunk(OutputChunk.Stream.STDOUT, "to-stdout\n"),
                        new OutputChunk(OutputChunk.Stream.STDERR, "to-stderr\n"));
        assertThat(result.output()).contains("to-stdout\n", "to-stderr\n");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void streamsOutputWhileTheProgramRuns() throws Exception {
        CompletableFuture<OutputChunk> firstChunk = new CompletableFuture<>();
        SandboxRequest request = TestSandboxes.request(
                RunLanguage.PYTHON, "import time\nprint('first')\ntime.sleep(1)\nprint('second')", null);

        SandboxRun run = sandbox.start(request, firstChunk::complete);

        assertThat(firstChunk.get(10, TimeUnit.SECONDS).text()).startsWith("first");
        assertThat(run.result()).isNotDone();
        assertThat(run.result().get(30, TimeUnit.SECONDS).output()).isEqualTo("first\nsecond\n");
    }

    @Test
    void theEntryFileReadsAndImportsTheProjectsOtherFiles() throws Exception {
        Map<String, String> files = Map.of(
                "src/main.py",
                "from helper import greet\nprint(greet(open('data/name.txt').read().strip()))",
                "src/helper.py",
                "def greet(name):\n    return 'Hello, ' + name",
                "data/name.txt",
                "Ada\n");
        // Relative paths resolve against the project's root, the program's working folder.
        SandboxRequest request = new SandboxRequest(RunLanguage.PYTHON, files, "src/main.py");

        RunResult result = TestSandboxes.run(sandbox, request, SandboxOutput.ignore());

        assertThat(result.output()).isEqualTo("Hello, Ada\n");
    }

    @Test
    void nodeRequiresTheProjectsOtherFiles() throws Exception {
        Map<String, String> files = Map.of(
                "main.js", "const { twice } = require('./lib/math.js');\nconsole.log(twice(21));",
                "lib/math.js", "exports.twice = (n) => n * 2;");

        RunResult result = TestSandboxes.run(
                sandbox, new SandboxRequest(RunLanguage.JAVASCRIPT, files, "main.js"), SandboxOutput.ignore());

        assertThat(result.output()).isEqualTo("42\n");
    }

    @Test
    void anEntryFileNamedLikeAnOptionIsRunAsAFile() throws Exception {
        SandboxRequest request = new SandboxRequest(RunLanguage.PYTHON, Map.of("-c.py", "print('a file')"), "-c.py");

        RunResult result = TestSandboxes.run(sandbox, request, SandboxOutput.ignore());

        assertThat(result.output()).isEqualTo("a file\n");
    }

    @Test
    void theProgramMayWriteInItsWorkingFolderAndTmp() throws Exception {
        RunResult result = TestSandboxes.run(
                sandbox, RunLanguage.BASH, "echo kept > out.txt && echo temp > /tmp/t && cat out.txt /tmp/t && pwd");

        assertThat(result.output()).isEqualTo("kept\ntemp\n/work\n");
    }

    @Test
    void outputIsDecodedAsUtf8() throws Exception {
        RunResult result = TestSandboxes.run(sandbox, RunLanguage.PYTHON, "print('héllo → 世界 🎉')");

        assertThat(result.output()).isEqualTo("héllo → 世界 🎉\n");
    }

    @Test
    void aTimeoutAboveTheMaximumGetsTheMaximum() {
        SandboxRequest request = TestSandboxes.request(RunLanguage.BASH, "true", Duration.ofHours(1));

        assertThat(sandbox.limitsFor(request).timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(sandbox.limitsFor(TestSandboxes.request(RunLanguage.BASH, "true", null))
                        .timeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void projectFilesNeverTouchTheServersDisk() throws Exception {
        CompletableFuture<OutputChunk> listed = new CompletableFuture<>();
        SandboxRequest request = new SandboxRequest(
                RunLanguage.BASH,
                Map.of("main.sh", "cat deep/er/file.txt; sleep 30", "deep/er/file.txt", "on tmpfs only"),
                "main.sh");

        SandboxRun run = sandbox.start(request, listed::complete);

        assertThat(listed.get(10, TimeUnit.SECONDS).text()).isEqualTo("on tmpfs only");
        TestSandboxes.assertNoRunFilesIn(dataDir);
        run.stop();
        assertThat(run.result().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.STOPPED);
    }
}
