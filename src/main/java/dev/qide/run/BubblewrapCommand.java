package dev.qide.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that puts a run into its cgroups, gives up root, and starts its program inside bubblewrap. No path
 * of the server's data reaches bubblewrap's arguments (they show inside as /proc/1/cmdline): the project's files come
 * in on standard input, the seccomp filter on a file descriptor.
 */
final class BubblewrapCommand {

    /** The program's working folder inside the sandbox: a private tmpfs holding a copy of the project. */
    static final String WORK_FOLDER = "/work";

    /** The program's uid and gid inside its user namespace: nobody, holding no capabilities. */
    static final String SANDBOX_USER = "65534";

    /** The file descriptor bubblewrap reads the seccomp filter from. */
    static final String FILTER_FD = "3";

    /**
     * Kernel knobs under /proc that stay read-only whoever the sandbox's user is (bubblewrap covers the same ones
     * itself only when they are writable while it sets up).
     */
    static final List<String> READ_ONLY_PROC = List.of("/proc/sys", "/proc/sysrq-trigger", "/proc/irq", "/proc/bus");

    /**
     * Runs on the server, as the server: joins the run's cgroups (each file up to "--" takes its own pid; exec keeps
     * the pid), opens the seccomp filter as fd 3, then becomes the rest of the command (setpriv, which gives up root,
     * then bubblewrap), so the limits hold from the program's first instruction. Any failure stops here and nothing
     * runs. The shell exports PWD by itself; unset, bubblewrap (pid 1 in the sandbox) starts with no environment.
     */
    private static final String JOIN_CGROUPS_THEN_START = "unset PWD OLDPWD; "
            + "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; "
            + "exec " + FILTER_FD + "< \"$1\" || exit 125; shift; exec \"$@\"";

    /**
     * Runs inside the sandbox: unpacks the project's files, which arrive as a tar archive on standard input, into the
     * working folder, then becomes the interpreter, reading nothing.
     */
    private static final String UNPACK_PROJECT_THEN_START =
            "tar -x -m -f - -C " + WORK_FOLDER + " || exit 125; exec \"$@\" < /dev/null";

    private BubblewrapCommand() {}

    /**
     * @param switchUser the command that makes the rest run as the run's user (empty when the server is not root)
     * @param seccompFilter the compiled filter's file, opened by the launching shell while it is still the server
     */
    static List<String> build(
            Path bubblewrap,
            List<String> switchUser,
            List<Path> cgroupMemberships,
            Path seccompFilter,
            RunLimits limits,
            List<String> program) {
        String tmpfsSize = Long.toString(limits.memoryBytes());
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", JOIN_CGROUPS_THEN_START, "qide-sandbox"));
        cgroupMemberships.forEach(file -> command.add(file.toString()));
        command.add("--");
        command.add(seccompFilter.toString());
        command.addAll(switchUser);
        command.add(bubblewrap.toString());
        command.addAll(List.of(
                // Own user, pid, network (loopback only), ipc, uts and cgroup namespaces.
                "--unshare-all",
                "--unshare-user",
                "--disable-userns",
                "--uid",
                SANDBOX_USER,
                "--gid",
                SANDBOX_USER,
                "--cap-drop",
                "ALL",
                "--seccomp",
                FILTER_FD,
                "--die-with-parent",
                "--new-session",
                "--hostname",
                "sandbox",
                "--clearenv",
                "--setenv",
                "PATH",
                String.join(":", SystemFolders.SEARCH_PATH),
                "--setenv",
                "HOME",
                WORK_FOLDER,
                "--setenv",
                "TMPDIR",
                "/tmp",
                "--setenv",
                "LANG",
                "C.UTF-8"));
        command.addAll(SystemFolders.bubblewrapArguments());
        command.addAll(List.of("--proc", "/proc"));
        READ_ONLY_PROC.forEach(knob -> command.addAll(List.of("--ro-bind-try", knob, knob)));
        command.addAll(List.of("--dev", "/dev", "--size", tmpfsSize, "--tmpfs", "/tmp"));
        command.addAll(List.of("--size", tmpfsSize, "--tmpfs", WORK_FOLDER, "--chdir", WORK_FOLDER));
        command.addAll(List.of("--", "/bin/sh", "-c", UNPACK_PROJECT_THEN_START, "qide-run"));
        command.addAll(program);
        return command;
    }
}
