package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BubblewrapCommandTest {

    private static final Path SCRATCH = Path.of("/srv/qide/data/sandbox/run-1");
    private static final List<String> COMMAND = BubblewrapCommand.build(
            Path.of("/usr/bin/bwrap"),
            List.of(Path.of("/cg/memory/run-1/cgroup.procs"), Path.of("/cg/pids/run-1/cgroup.procs")),
            SCRATCH,
            new RunLimits(Duration.ofSeconds(30), 512L << 20, 64, 1.0, 1 << 20),
            List.of("/usr/bin/python3", "-u", "main.py"));

    @Test
    void joinsEveryCgroupBeforeBubblewrapStarts() {
        assertThat(COMMAND.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(COMMAND.subList(4, 8))
                .containsExactly(
                        "/cg/memory/run-1/cgroup.procs", "/cg/pids/run-1/cgroup.procs", "--", "/usr/bin/bwrap");
    }

    @Test
    void showsOnlySystemFoldersAndTheScratchFolderAndNothingWritable() {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < COMMAND.size(); i++) {
            String option = COMMAND.get(i);
            assertThat(option).isNotIn("--bind", "--bind-try", "--dev-bind", "--dev-bind-try", "--share-net");
            if (option.equals("--ro-bind") || option.equals("--ro-bind-try")) {
                sources.add(COMMAND.get(i + 1));
            }
        }

        assertThat(sources).contains("/usr", SCRATCH.toString());
        assertThat(sources)
                .allMatch(source -> source.equals(SCRATCH.toString())
                        || source.startsWith("/usr")
                        || source.matches("/(s?bin|lib\\w*)")
                        || source.equals("/etc/alternatives")
                        || source.equals("/etc/ld.so.cache"));
    }

    @Test
    void isolatesTheProgramAndClearsItsEnvironment() {
        assertThat(COMMAND)
                .contains(
                        "--unshare-all",
                        "--unshare-user",
                        "--disable-userns",
                        "--die-with-parent",
                        "--new-session",
                        "--clearenv");
        assertThat(String.join(" ", COMMAND))
                .contains("--cap-drop ALL")
                .contains("--uid 65534 --gid 65534")
                .contains("--setenv HOME /work")
                .contains("--size 536870912 --tmpfs /tmp")
                .contains("--size 536870912 --tmpfs /work --chdir /work")
                .endsWith("qide-run /usr/bin/python3 -u main.py");
    }
}
