package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BubblewrapCommandTest {

    private static final List<String> SWITCH_USER =
            new RunUser(64000, 64000, true).switchCommand(Path.of("/usr/bin/setpriv"));
    private static final List<String> COMMAND = BubblewrapCommand.build(
            Path.of("/usr/bin/bwrap"),
            SWITCH_USER,
            List.of(Path.of("/cg/memory/run-1/cgroup.procs"), Path.of("/cg/pids/run-1/cgroup.procs")),
            Path.of("/srv/qide/data/sandbox/seccomp-x86_64.bpf"),
            new RunLimits(Duration.ofSeconds(30), 512L << 20, 64, 1.0, 1 << 20),
            List.of("/usr/bin/python3", "-u", "main.py"));

    @Test
    void joinsEveryCgroupAndOpensTheFilterThenGivesUpRootBeforeBubblewrapStarts() {
        assertThat(COMMAND.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(COMMAND.get(2)).contains("exec 3< \"$1\"");
        assertThat(COMMAND.subList(4, 8))
                .containsExactly(
                        "/cg/memory/run-1/cgroup.procs",
                        "/cg/pids/run-1/cgroup.procs",
                        "--",
                        "/srv/qide/data/sandbox/seccomp-x86_64.bpf");
        assertThat(COMMAND.subList(8, 8 + SWITCH_USER.size())).isEqualTo(SWITCH_USER);
        assertThat(SWITCH_USER)
                .containsExactly(
                        "/usr/bin/setpriv",
                        "--reuid=64000",
                        "--regid=64000",
                        "--clear-groups",
                        "--inh-caps=-all",
                        "--bounding-set=-all",
                        "--no-new-privs",
                        "--");
        assertThat(COMMAND.get(8 + SWITCH_USER.size())).isEqualTo("/usr/bin/bwrap");
    }

    @Test
    void showsOnlySystemFoldersAndNothingOfTheServerWritable() {
        List<String> bubblewrap = COMMAND.subList(COMMAND.indexOf("/usr/bin/bwrap"), COMMAND.size());
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < bubblewrap.size(); i++) {
            String option = bubblewrap.get(i);
            assertThat(option).isNotIn("--bind", "--bind-try", "--dev-bind", "--dev-bind-try", "--share-net");
            if (option.equals("--ro-bind") || option.equals("--ro-bind-try")) {
                sources.add(bubblewrap.get(i + 1));
            }
        }

        assertThat(sources).contains("/usr", "/proc/sys");
        assertThat(sources)
                .allMatch(source -> source.startsWith("/usr")
                        || source.matches("/(s?bin|lib\\w*)")
                        || source.equals("/etc/alternatives")
                        || source.equals("/etc/ld.so.cache")
                        || BubblewrapCommand.READ_ONLY_PROC.contains(source));
        // No path of the server's data: not in bubblewrap's arguments, which the program sees as /proc/1/cmdline.
        assertThat(bubblewrap).noneMatch(argument -> argument.contains("/srv/qide"));
    }

    @Test
    void theKernelKnobsUnderProcStayReadOnly() {
        String command = String.join(" ", COMMAND);
        assertThat(command)
                .contains("--proc /proc --ro-bind-try /proc/sys /proc/sys --ro-bind-try /proc/sysrq-trigger"
                        + " /proc/sysrq-trigger --ro-bind-try /proc/irq /proc/irq --ro-bind-try /proc/bus /proc/bus");
    }

    @Test
    void isolatesTheProgramFiltersItsSystemCallsAndClearsItsEnvironment() {
        assertThat(COMMAND)
                .contains(
                        "--unshare-all",
                        "--unshare-user",
                        "--disable-userns",
                        "--die-with-parent",
                        "--new-session",
                        "--clearenv");
        assertThat(String.join(" ", COMMAND))
                .contains("--cap-drop ALL --seccomp 3")
                .contains("--uid 65534 --gid 65534")
                .contains("--setenv HOME /work")
                .contains("--size 536870912 --tmpfs /tmp")
                .contains("--size 536870912 --tmpfs /work --chdir /work")
                .contains("tar -x -m -f - -C /work")
                .endsWith("qide-run /usr/bin/python3 -u main.py");
    }

    @Test
    void aServerThatIsNotRootStartsBubblewrapAsItself() {
        List<String> command = BubblewrapCommand.build(
                Path.of("/usr/bin/bwrap"),
                new RunUser(1000, 1000, false).switchCommand(Path.of("/usr/bin/setpriv")),
                List.of(Path.of("/cg/pids/run-1/cgroup.procs")),
                Path.of("/data/sandbox/seccomp-x86_64.bpf"),
                new RunLimits(Duration.ofSeconds(30), 512L << 20, 64, 1.0, 1 << 20),
                List.of("/usr/bin/bash", "main.sh"));

        assertThat(command.subList(4, 8))
                .containsExactly(
                        "/cg/pids/run-1/cgroup.procs", "--", "/data/sandbox/seccomp-x86_64.bpf", "/usr/bin/bwrap");
        assertThat(command).doesNotContain("/usr/bin/setpriv");
    }
}
