package dev.qide.run;

import dev.qide.QideConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs programs in bubblewrap on this server, each in a fresh set of namespaces and its own cgroups.
 *
 * <p>What the program gets, and why:
 *
 * <ul>
 *   <li><b>Isolation</b>: {@code --unshare-all} gives it its own user, pid, network, ipc, uts and cgroup namespaces;
 *       its network has only a loopback interface of its own, so it reaches neither the internet nor anything
 *       listening on the server's loopback. It runs as uid 65534 with no capabilities ({@code --cap-drop ALL}, no new
 *       user namespaces). It sees only /usr and the links beside it, read-only (see {@link SystemFolders}), a private
 *       /proc whose kernel knobs (/proc/sys, /proc/sysrq-trigger, /proc/irq, /proc/bus) are read-only, a private /dev
 *       and /tmp, and its project unpacked into a private tmpfs /work from a tar archive on its standard input (see
 *       {@link ProjectArchive}): no folder of the server's is shown, and no path of one is in its arguments, mounts
 *       or environment. The host environment never reaches it: bubblewrap itself starts with an empty environment (it
 *       shows inside as /proc/1) and the program gets PATH, HOME=/work, TMPDIR and LANG only (and PWD, which its
 *       shell sets).
 *   <li><b>Never root on the server</b>: outside its namespaces the sandbox's uid is whoever started bubblewrap. A
 *       server running as root starts it as {@code qide.sandbox.run-uid}:{@code run-gid} through setpriv, with no
 *       groups, no capabilities and no-new-privs (see {@link RunUser}), so the kernel's checks for the server's root
 *       (writing /proc/sys/kernel/core_pattern, say) fail for every process of a run. A server that is not root runs
 *       bubblewrap as itself.
 *   <li><b>System calls</b>: a seccomp filter refuses those no program here needs (namespaces, mounts, ptrace,
 *       keyrings, BPF, perf events, io_uring, modules, raw sockets and more; see {@link SeccompFilter}).
 *   <li><b>Time</b>: a supervising thread kills the run at its time limit. Killing bubblewrap kills the sandbox's
 *       pid 1 ({@code --die-with-parent}), and the end of a pid namespace's pid 1 ends every process in it, so a
 *       stop or timeout leaves nothing behind, however many processes the program started.
 *   <li><b>Memory</b>: a cgroup v1 memory group per run, limit = {@code qide.sandbox.memory}. Its files in /tmp and
 *       /work are tmpfs pages charged to the same group, so the limit bounds memory and disk together. An address
 *       space limit (RLIMIT_AS) was the alternative, but Node.js reserves gigabytes of address space at start and
 *       dies under any useful value. When the kernel kills a process for memory, the whole run is stopped.
 *   <li><b>Processes</b>: a cgroup v1 pids group per run, limit = {@code qide.sandbox.max-processes} (threads count
 *       too). RLIMIT_NPROC was the alternative, but it counts all processes of a user, every run (all one run user)
 *       together. When the kernel refuses
 *       a fork for the limit, the whole run is stopped, so a fork bomb ends within a fraction of a second instead of
 *       spinning until its time limit.
 *   <li><b>CPU</b>: a cgroup v1 cpu group per run, whose processes together get {@code qide.sandbox.cpus} cores'
 *       worth of time, so busy runs slow down rather than starve the server. Not a stopping limit.
 *   <li><b>Output</b>: counted as it is read; at the cap the run is stopped and the rest dropped.
 * </ul>
 *
 * <p>A run joins its cgroups before bubblewrap starts (a shell writes its own pid to them, then execs setpriv, which
 * execs bubblewrap), so no process of the run ever runs outside them. When bubblewrap, setpriv (needed when the server
 * is root) or tar is missing, the memory, pids and cpu cgroup v1 controllers are not mounted or not writable (the
 * server must run as root, or be given its cgroups), the run user does not exist in the server's user namespace, or
 * the server is neither x86_64 nor aarch64, every run is refused with {@link SandboxUnavailableException}: nothing
 * ever runs without the sandbox.
 *
 * <p>Interpreters are looked up in the sandbox's PATH (/usr/local/bin, /usr/bin, /bin) as the sandbox sees it, so a
 * python3 of the server's own user (e.g. in /root/.pyenv) is never used; on Debian that is /usr/bin/python3 from the
 * python3 package, /usr/bin/node from nodejs, /usr/bin/bash.
 */
@ApplicationScoped
public class BubblewrapSandbox implements Sandbox {

    /** How every run's cgroups are named: {@code run-<uuid>}. */
    static final String RUN_PREFIX = "run-";

    private final SandboxConfig config;
    /** The server's own folder for the sandbox (its seccomp filter), {data-dir}/sandbox; never shown in a sandbox. */
    private final Path sandboxFolder;

    private final Set<SandboxRun> running = ConcurrentHashMap.newKeySet();

    public BubblewrapSandbox(SandboxConfig config, QideConfig qideConfig) {
        this.config = config;
        this.sandboxFolder =
                Path.of(qideConfig.dataDir(), "sandbox").toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> unavailableReason() {
        try {
            hostSetup();
            return Optional.empty();
        } catch (SandboxUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public SandboxRun start(SandboxRequest request, SandboxOutput output) {
        HostSetup host = hostSetup();
        RunLanguage language = request.language();
        Optional<String> interpreter = SystemFolders.findProgram(language.interpreter());
        if (interpreter.isEmpty()) {
            return SandboxRun.ended(RunResult.failedToStart(language.displayName()
                    + " is not installed on this server (no " + language.interpreter() + " in "
                    + String.join(", ", SystemFolders.SEARCH_PATH) + ")."));
        }
        List<String> program = new ArrayList<>();
        program.add(interpreter.get());
        program.addAll(language.interpreterArguments());
        // "-x.py" would be read as an option by the interpreter.
        program.add(request.entryFile().startsWith("-") ? "./" + request.entryFile() : request.entryFile());

        RunLimits limits = limitsFor(request);
        String name = RUN_PREFIX + UUID.randomUUID();
        RunCgroup cgroup = null;
        try {
            ProjectArchive project = ProjectArchive.of(request.files());
            cgroup = RunCgroup.create(host.cgroups(), name, limits);
            List<String> command = BubblewrapCommand.build(
                    host.bubblewrap(),
                    host.switchUser(),
                    cgroup.membershipFiles(),
                    host.seccompFilter(),
                    limits,
                    program);
            BubblewrapRun run = BubblewrapRun.start(name, command, cgroup, project, limits, output);
            running.add(run);
            run.result().whenComplete((result, failure) -> running.remove(run));
            return run;
        } catch (IOException e) {
            Log.errorf(e, "Could not start sandbox run %s", name);
            if (cgroup != null) {
                cgroup.remove();
            }
            return SandboxRun.ended(RunResult.failedToStart("The sandbox could not be set up for this run."));
        }
    }

    /**
     * Removes the empty cgroups that runs of an earlier server process left behind when it was killed (its runs died
     * with it). A cgroup that still holds a process is left alone.
     */
    void removeLeftovers(@Observes StartupEvent start) {
        int groups = CgroupControllers.find().map(RunCgroup::removeLeftovers).orElse(0);
        if (groups > 0) {
            Log.infof("Removed %d cgroup(s) left by earlier runs", groups);
        }
    }

    /** Stops the runs still going when the server shuts down, so their cgroups go too. */
    @PreDestroy
    void stopRunning() {
        running.forEach(SandboxRun::stop);
        try {
            CompletableFuture.allOf(running.stream().map(SandboxRun::result).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf(e, "Sandbox runs still cleaning up at shutdown");
        }
    }

    /** The limits of a run: the server's, with the time limit the request asks for, up to the maximum. */
    RunLimits limitsFor(SandboxRequest request) {
        Duration asked = request.timeout() == null ? config.defaultTimeout() : request.timeout();
        Duration timeout = asked.compareTo(config.maxTimeout()) > 0 ? config.maxTimeout() : asked;
        return new RunLimits(
                timeout,
                config.memory().asLongValue(),
                config.maxProcesses(),
                config.cpus(),
                config.outputCap().asLongValue());
    }

    /** What a run needs from this server, or why runs are refused. */
    private HostSetup hostSetup() {
        Path bubblewrap = findOnServer(config.bwrap())
                .orElseThrow(() -> new SandboxUnavailableException(
                        "Running code is turned off on this server: bubblewrap (bwrap), the sandbox every run needs,"
                                + " is not installed."));
        CgroupControllers cgroups = CgroupControllers.find()
                .orElseThrow(() -> new SandboxUnavailableException("Running code is turned off on this server: it"
                        + " cannot cap a run's memory, processes and CPU (runs need the cgroup v1 memory, pids and cpu"
                        + " controllers, writable by the server)."));
        SeccompFilter.Architecture architecture = SeccompFilter.Architecture.ofThisServer()
                .orElseThrow(() -> new SandboxUnavailableException("Running code is turned off on this server: the"
                        + " sandbox's system call filter is written for x86_64 and aarch64 servers only."));
        RunUser runUser = RunUser.forThisServer(config);
        List<String> switchUser = List.of();
        if (runUser.switchesFromRoot()) {
            Path setpriv = findOnServer("setpriv")
                    .orElseThrow(() -> new SandboxUnavailableException("Running code is turned off on this server:"
                            + " setpriv (util-linux), which runs the sandbox as an unprivileged user, is not"
                            + " installed."));
            switchUser = runUser.switchCommand(setpriv);
        }
        if (SystemFolders.findProgram("tar").isEmpty()) {
            throw new SandboxUnavailableException("Running code is turned off on this server: tar, which puts a"
                    + " project's files into its sandbox, is not installed.");
        }
        try {
            return new HostSetup(bubblewrap, cgroups, switchUser, SeccompFilter.writeTo(sandboxFolder, architecture));
        } catch (IOException e) {
            Log.errorf(e, "Cannot write the sandbox's seccomp filter into %s", sandboxFolder);
            throw new SandboxUnavailableException("Running code is turned off on this server: it cannot write the"
                    + " sandbox's system call filter into its data folder.");
        }
    }

    /** A program as configured: a path as given, or a name looked up on the server's PATH, then in /usr/bin. */
    private static Optional<Path> findOnServer(String configured) {
        if (configured.contains("/")) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String serverPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(serverPath.split(":")), Stream.of("/usr/bin"))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, configured))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private record HostSetup(Path bubblewrap, CgroupControllers cgroups, List<String> switchUser, Path seccompFilter) {}
}
