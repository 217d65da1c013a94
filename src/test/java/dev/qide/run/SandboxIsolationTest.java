package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.support.SandboxAvailability;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program sees nothing of the server: not its network, files, environment or processes. */
class SandboxIsolationTest {

    @TempDir
    Path dataDir;

    private BubblewrapSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = TestSandboxes.create(dataDir);
        SandboxAvailability.require(sandbox.unavailableReason());
    }

    @Test
    void cannotConnectToAServerOnTheHostsLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String connect =
                    """
                    import socket
                    try:
                        socket.create_connection(('127.0.0.1', %d), timeout=2)
                        print('connected')
                    except OSError as e:
                        print('failed:', type(e).__name__)
                    """
                            .formatted(server.getLocalPort());

            RunResult result = TestSandboxes.run(sandbox, RunLanguage.PYTHON, connect);

            assertThat(result.output()).isEqualTo("failed: ConnectionRefusedError\n");
            server.setSoTimeout(300);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void hasNoNetworkInterfaceButItsOwnLoopback() throws Exception {
        RunResult result = TestSandboxes.run(
                sandbox, RunLanguage.PYTHON, "import socket\nprint([name for _, name in socket.if_nameindex()])");

        assertThat(result.output()).isEqualTo("['lo']\n");
    }

    @Test
    void cannotReadTheServersDataFolderOrWorkingFolder() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        Path inDataDir = Files.writeString(dataDir.resolve("secret.txt"), marker);
        Path inWorkingDir =
                Path.of("qide-sandbox-test-" + UUID.randomUUID() + ".txt").toAbsolutePath();
        Files.writeString(inWorkingDir, marker);
        try {
            String probe =
                    """
                    import os
                    for path in ['%s', '%s', '/root', '/home', '/etc/passwd', '/etc/shadow', '%s']:
                        try:
                            if os.path.isdir(path):
                                print(path, 'listed', os.listdir(path))
                            else:
                                print(path, 'read', open(path).read())
                        except OSError as e:
                            print(path, 'hidden', type(e).__name__)
                    """
                            .formatted(inDataDir, inWorkingDir, System.getProperty("user.home"));

            RunResult result = TestSandboxes.run(sandbox, RunLanguage.PYTHON, probe);

            assertThat(result.output())
                    .doesNotContain(marker)
                    .doesNotContain(" read ")
                    .doesNotContain(" listed ");
            assertThat(result.output().lines()).hasSize(7).allMatch(line -> line.endsWith("hidden FileNotFoundError"));
        } finally {
            Files.delete(inWorkingDir);
        }
    }

    @Test
    void seesNoneOfTheServersEnvironment() throws Exception {
        assertThat(System.getenv()).isNotEmpty();
        String probe =
                """
                import os
                print(sorted(os.environ.items()))
                print(repr(open('/proc/1/environ').read()))
                print(repr(open('/proc/self/environ').read()))
                """;

        RunResult result = TestSandboxes.run(sandbox, RunLanguage.PYTHON, probe);

        String[] lines = result.output().split("\n");
        assertThat(lines[0])
                .isEqualTo("[('HOME', '/work'), ('LANG', 'C.UTF-8'), ('PATH', '/usr/local/bin:/usr/bin:/bin'),"
                        + " ('PWD', '/work'), ('TMPDIR', '/tmp')]");
        assertThat(lines[1]).isEqualTo("''");
        for (String name : System.getenv().keySet()) {
            if (!name.equals("PATH") && !name.equals("HOME") && !name.equals("LANG") && !name.equals("PWD")) {
                assertThat(result.output()).doesNotContain(name + "=");
            }
        }
        assertThat(result.output()).doesNotContain("HOME=/root").doesNotContain("JAVA_HOME");
    }

    @Test
    void seesOnlyItsOwnProcessesAsAnUnprivilegedUser() throws Exception {
        String probe =
                """
                import os
                pids = [p for p in os.listdir('/proc') if p.isdigit()]
                names = sorted(open(f'/proc/{p}/comm').read().strip() for p in pids)
                print(names)
                print(os.getuid(), os.getgid())
                print([l for l in open('/proc/self/status') if l.startswith('CapEff')][0].split()[1])
                """;

        RunResult result = TestSandboxes.run(sandbox, RunLanguage.PYTHON, probe);

        assertThat(result.output()).isEqualTo("['bwrap', 'python3']\n65534 65534\n0000000000000000\n");
    }

    @Test
    void cannotChangeTheSystemFolders() throws Exception {
        RunResult result = TestSandboxes.run(
                sandbox,
                RunLanguage.BASH,
                "touch /usr/bin/planted 2>/dev/null || echo refused\ntest -e /usr/bin/planted && echo planted");

        assertThat(result.output()).isEqualTo("refused\n");
        assertThat(Path.of("/usr/bin/planted")).doesNotExist();
    }
}
