package dev.qide.run;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The memory, pids and cpu groups of one run: its limits, whether it hit them, and the means to end all its
 * processes.
 */
final class RunCgroup {

    /** bubblewrap's own processes in the group: its monitor outside the sandbox and the sandbox's init (pid 1). */
    private static final int BUBBLEWRAP_PROCESSES = 2;

    /** The cpu controller's scheduling period; a run gets {@code cpus} times it per period. */
    private static final long CPU_PERIOD_MICROS = 100_000;

    private final List<Path> groups = new ArrayList<>();
    private Path memoryGroup;
    private Path pidsGroup;

    private RunCgroup() {}

    static RunCgroup create(CgroupControllers controllers, String name, RunLimits limits) throws IOException {
        RunCgroup cgroup = new RunCgroup();
        try {
            cgroup.memoryGroup = cgroup.createGroup(controllers.memory(), name);
            String memoryBytes = Long.toString(limits.memoryBytes());
            Files.writeString(cgroup.memoryGroup.resolve("memory.limit_in_bytes"), memoryBytes);
            Path memoryAndSwap = cgroup.memoryGroup.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memoryAndSwap)) {
                Files.writeString(memoryAndSwap, memoryBytes);
            }

            cgroup.pidsGroup = cgroup.createGroup(controllers.pids(), name);
            Files.writeString(
                    cgroup.pidsGroup.resolve("pids.max"),
                    Integer.toString(limits.maxProcesses() + BUBBLEWRAP_PROCESSES));

            Path cpuGroup = cgroup.createGroup(controllers.cpu(), name);
            Files.writeString(cpuGroup.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_MICROS));
            Files.writeString(
                    cpuGroup.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(limits.cpus() * CPU_PERIOD_MICROS)));
            return cgroup;
        } catch (IOException e) {
            cgroup.remove();
            throw e;
        }
    }

    private Path createGroup(CgroupHierarchy hierarchy, String name) throws IOException {
        Path group = Files.createDirectory(
                Files.createDirectories(hierarchy.runsFolder()).resolve(name));
        groups.add(group);
        return group;
    }

    /** The files a process writes its pid to, to join the run's groups. */
    List<Path> membershipFiles() {
        return groups.stream().map(group -> group.resolve("cgroup.procs")).toList();
    }

    /** Whether the kernel killed one of the run's processes for going over the memory limit. */
    boolean ranOutOfMemory() {
        return counter(memoryGroup.resolve("memory.oom_control"), "oom_kill") > 0;
    }

    /** Whether the run tried to start a process or thread beyond its limit (the kernel refused it). */
    boolean reachedProcessLimit() {
        return counter(pidsGroup.resolve("pids.events"), "max") > 0;
    }

    /** Kills every process in the run's group. */
    void killAll() {
        if (pidsGroup == null) {
            return;
        }
        try {
            for (String pid : Files.readAllLines(pidsGroup.resolve("cgroup.procs"))) {
                ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            Log.debugf(e, "Could not list the processes of %s", pidsGroup);
        }
    }

    /** Kills what is left of the run and removes its groups; a group goes once its last process has exited. */
    void remove() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Path group : groups) {
            while (!removed(group)) {
                if (System.nanoTime() - deadline > 0) {
                    Log.warnf("Could not remove the cgroup %s of a finished run", group);
                    break;
                }
                killAll();
                pause();
            }
        }
    }

    /** Removes the empty run groups an earlier server process left in each controller; answers how many. */
    static int removeLeftovers(CgroupControllers controllers) {
        int removed = 0;
        for (CgroupHierarchy hierarchy : List.of(controllers.memory(), controllers.pids(), controllers.cpu())) {
            Path runs = hierarchy.runsFolder();
            if (!Files.isDirectory(runs)) {
                continue;
            }
            try (Stream<Path> groups = Files.list(runs)) {
                for (Path group : groups.filter(Files::isDirectory)
                        .filter(group -> group.getFileName().toString().startsWith(BubblewrapSandbox.RUN_PREFIX))
                        .toList()) {
                    if (removed(group)) {
                        removed++;
                    }
                }
            } catch (IOException e) {
                Log.warnf(e, "Could not list the run cgroups in %s", runs);
            }
        }
        return removed;
    }

    private static boolean removed(Path group) {
        try {
            Files.deleteIfExists(group);
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    /** Reads "name value" from a cgroup file of such lines; 0 when absent. */
    private static long counter(Path file, String name) {
        try {
            return Files.readAllLines(file).stream()
                    .map(line -> line.split(" "))
                    .filter(fields -> fields.length == 2 && fields[0].equals(name))
                    .mapToLong(fields -> Long.parseLong(fields[1]))
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
