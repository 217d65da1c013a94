package dev.qide.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that puts a run into its cgroups and starts its program inside bubblewrap. */
final class BubblewrapCommand {

    /** The program's working folder inside the sandbox: a private tmpfs holding a copy of the project. */
    static final String WORK_FOLDER = "/work";

    /** Where the scratch folder shows, read-only, inside the sandbox; copied to the working folder at start. */
    static final String PROJECT_FOLDER = "/project";

    /** The program's uid and gid inside its user namespace: nobody, holding no capabilities. */
    static final String SANDBOX_USER = "65534";

    /**
     * Runs on the server: joins the run's cgroups (each file up to "--" takes its own pid; exec keeps the pid), then
     * becomes bubblewrap, so the limits hold from the program's first instruction. Any failure stops here and nothing
     * runs. The shell exports PWD by itself; unset, bubblewrap (pid 1 in the sandbox) starts with no environment.
     */
    private static final String JOIN_CGROUPS_THEN_START = "unset PWD OLDPWD; "
            + "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"";

    /** Runs inside the sandbox: fills the writable working folder, then becomes the interpreter. */
    private static final String COPY_PROJECT_THEN_START =
            "cp -R " + PROJECT_FOLDER + "/. " + WORK_FOLDER + "/ && exec \"$@\"";

    private BubblewrapCommand() {}

    static List<String> build(
            Path bubblewrap, List<Path> cgroupMemberships, Path scratchFolder, RunLimits limits, List<String> program) {
        String tmpfsSize = Long.toString(limits.memoryBytes());
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", JOIN_CGROUPS_THEN_START, "qide-sandbox"));
        cgroupMemberships.forEach(file -> command.add(file.toString()));
        command.add("--");
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
        command.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", tmpfsSize, "--tmpfs", "/tmp"));
        command.addAll(List.of("--ro-bind", scratchFolder.toString(), PROJECT_FOLDER));
        command.addAll(List.of("--size", tmpfsSize, "--tmpfs", WORK_FOLDER, "--chdir", WORK_FOLDER));
        command.addAll(List.of("--", "/bin/sh", "-c", COPY_PROJECT_THEN_START, "qide-run"));
        command.addAll(program);
        return command;
    }
}
