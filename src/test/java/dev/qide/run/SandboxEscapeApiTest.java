package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.qide.QideConfig;
import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.SandboxAvailability;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile program sent through the API tries, to get out of its sandbox or at the server: each attempt must
 * fail. The probes are in src/test/resources/sandbox-escapes; they only open kernel settings, never write them.
 */
@QuarkusTest
class SandboxEscapeApiTest {

    @Inject
    Sandbox sandbox;

    @Inject
    QideConfig qideConfig;

    @BeforeEach
    void needsTheSandbox() {
        SandboxAvailability.require(sandbox.unavailableReason());
    }

    @Test
    void theProgramsProcessesAreNotRootOnTheServer() throws Exception {
        Runner runner = Runner.signedUp("Uid Prober");
        String marker = "uid-probe-" + UUID.randomUUID();
        String run = runner.startProjectRun(marker + ".py", "import time\nprint('up')\ntime.sleep(60)\n");
        try {
            long python = runner.awaitHostProcess(marker);
            // Every process of the run (bubblewrap's too): those in the interpreter's pids cgroup.
            String group = Runner.procLines(python, "cgroup").stream()
                    .filter(line -> line.matches("\\d+:pids:.*"))
                    .findFirst()
                    .orElseThrow();
            List<Long> processes =
                    Runner.hostProcesses(pid -> Runner.procLines(pid, "cgroup").contains(group));
            assertThat(processes).contains(python).hasSizeGreaterThanOrEqualTo(3);
            for (long pid : processes) {
                // "Uid: real effective saved filesystem" as the server sees it, outside every namespace.
                assertThat(Runner.ids(pid, "Uid:"))
                        .as("uids of %d", pid)
                        .hasSize(4)
                        .doesNotContain("0");
                assertThat(Runner.ids(pid, "Gid:"))
                        .as("gids of %d", pid)
                        .hasSize(4)
                        .doesNotContain("0");
            }
        } finally {
            runner.stop(run);
        }
    }

    @Test
    void kernelSettingsCannotBeOpenedForWriting() {
        String output = Runner.signedUp("Sysctl Writer").execute(probe("kernel_settings.py"));

        assertThat(output).contains("opened []\n");
        // It did try: /proc/sys alone holds hundreds of settings.
        assertThat(Integer.parseInt(output.lines().findFirst().orElseThrow().split(" ")[1]))
                .isGreaterThan(300);
    }

    @Test
    void systemCallsNoProgramNeedsAreRefused() {
        String output = Runner.signedUp("Syscall Prober").execute(probe("syscalls.py"));

        assertThat(output.lines()).hasSize(28).allSatisfy(line -> assertThat(line)
                .contains(" refused "));
    }

    @Test
    void theServersPathsAreNotVisibleInside() {
        String dataDir =
                Path.of(qideConfig.dataDir()).toAbsolutePath().normalize().toString();

        String output = Runner.signedUp("Path Prober").execute(probe("host_paths.py"));

        assertThat(output)
                .contains("1 cmdline", " /proc ")
                .doesNotContain(dataDir)
                .doesNotContain("qide-sandbox")
                .doesNotContain("/sys/fs/cgroup");
    }

    @Test
    void aRunCannotReadTheFilesOfAnotherRunGoingAtTheSameTime() throws Exception {
        String marker = "sibling-secret-" + UUID.randomUUID();
        Runner owner = Runner.signedUp("Sibling Owner");
        String keeper =
                "import time\nsecret = '%s'\nfor path in ['/work/secret.txt', '/tmp/secret.txt', '/dev/shm/s']:\n"
                                .formatted(marker)
                        + "    try:\n        open(path, 'w').write(secret)\n    except OSError:\n        pass\n"
                        + "open('/work/ready', 'w').close()\ntime.sleep(60)\n";
        String run = owner.startProjectRun("keeper-" + marker + ".py", keeper);
        try {
            long pid = owner.awaitHostProcess("keeper-" + marker);
            Runner.await(() -> Files.exists(Path.of("/proc/" + pid + "/root/work/ready")));
            // The server itself sees the owner's files, so the marker is there to be found.
            assertThat(Files.readString(Path.of("/proc/" + pid + "/root/work/secret.txt")))
                    .isEqualTo(marker);
            String search = probe("sibling_search.py")
                    .replace("REVERSED_MARKER", new StringBuilder(marker).reverse())
                    .replace("OTHER_HOST_PID", Long.toString(pid))
                    .replace(
                            "DATA_DIR",
                            Path.of(qideConfig.dataDir()).toAbsolutePath().toString());

            String output = Runner.signedUp("Sibling Snooper").execute(search);

            assertThat(output).doesNotContain("found").doesNotContain(marker).contains("searched");
        } finally {
            owner.stop(run);
        }
    }

    private static String probe(String name) {
        try (InputStream in = SandboxEscapeApiTest.class.getResourceAsStream("/sandbox-escapes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person on the Pro plan who runs code through an API key, as a script would. */
    private record Runner(Browser browser, String apiKey) {

        static Runner signedUp(String name) {
            Browser browser = Browser.signedUp(name);
            Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
            return new Runner(browser, ApiKeys.create(browser, name, "runs", "projects:write"));
        }

        /** Runs Python through {@code POST /api/code/execute}; answers its standard output, once it completed. */
        String execute(String code) {
            return ApiKeys.bearer(apiKey)
                    .body(Map.of("code", code, "language", "python", "timeout", 60))
                    .post("/api/code/execute")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("completed"), "exit_code", equalTo(0))
                    .extract()
                    .path("output");
        }

        /** Starts a project's Python file through the project run route; answers the run's id. */
        String startProjectRun(String fileName, String content) {
            String project = "/api/projects/" + browser.createProject("Escapes");
            String file = ApiKeys.bearer(apiKey)
                    .body(Map.of("path", fileName, "content", content))
                    .post(project + "/files")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            return ApiKeys.bearer(apiKey)
                    .body(Map.of("file_id", file))
                    .post(project + "/runs")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
        }

        void stop(String run) {
            ApiKeys.bearer(apiKey).post("/api/runs/" + run + "/stop");
        }

        /** The server's id of the run's interpreter process, found by the file name on its command line. */
        long awaitHostProcess(String marker) throws InterruptedException {
            List<List<Long>> found = new ArrayList<>(List.of(List.of()));
            await(() -> {
                // The interpreter itself, not bubblewrap or a shell that has it among its arguments.
                found.set(0, hostProcesses(pid -> {
                    String[] argv = String.join("\n", procLines(pid, "cmdline")).split("\0");
                    return argv[0].endsWith("python3") && argv[argv.length - 1].contains(marker);
                }));
                return !found.getFirst().isEmpty();
            });
            return found.getFirst().getFirst();
        }

        /** The server's processes that {@code test} accepts; processes that end meanwhile are left out. */
        static List<Long> hostProcesses(LongPredicate test) {
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                return entries.map(entry -> entry.getFileName().toString())
                        .filter(name -> name.matches("\\d+"))
                        .map(Long::parseLong)
                        .filter(pid -> test.test(pid))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The lines of /proc/{pid}/{file}; none once the process has gone. */
        static List<String> procLines(long pid, String file) {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(pid), file), StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException gone) {
                return List.of();
            }
        }

        static List<String> ids(long pid, String field) {
            return procLines(pid, "status").stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> List.of(line.substring(field.length()).trim().split("\\s+")))
                    .findFirst()
                    .orElseThrow();
        }

        static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }
}
