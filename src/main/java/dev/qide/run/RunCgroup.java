package dev.qide.run;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The memory and pids groups of one run: its limits, whether it hit them, and the means to end all its processes. */
final class RunCgroup {

    /** bubblewrap's own processes in the group: its monitor outside the sandbox and the sandbox's init (pid 1). */
    private static final int BUBBLEWRAP_PROCESSES = 2;

    private final Path memoryGroup;
    private final Path pidsGroup;

    private RunCgroup(Path memoryGroup, Path pidsGroup) {
        this.memoryGroup = memoryGroup;
        this.pidsGroup = pidsGroup;
    }

    static RunCgroup create(CgroupHierarchy memory, CgroupHierarchy pids, String name, RunLimits limits)
            throws IOException {
        Path memoryGroup = Files.createDirectories(memory.runsFolder()).resolve(name);
        Path pidsGroup = Files.createDirectories(pids.runsFolder()).resolve(name);
        RunCgroup cgroup = new RunCgroup(Files.createDirectory(memoryGroup), pidsGroup);
        try {
            Files.createDirectory(pidsGroup);
            String memoryBytes = Long.toString(limits.memoryBytes());
            Files.writeString(memoryGroup.resolve("memory.limit_in_bytes"), memoryBytes);
            Path memoryAndSwap = memoryGroup.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memoryAndSwap)) {
                Files.writeString(memoryAndSwap, memoryBytes);
            }
            Files.writeString(
                    pidsGroup.resolve("pids.max"), Integer.toString(limits.maxProcesses() + BUBBLEWRAP_PROCESSES));
            return cgroup;
        } catch (IOException e) {
            cgroup.remove();
            throw e;
        }
    }

    /** The files a process writes its pid to, to join the run's groups. */
    List<Path> membershipFiles() {
        return List.of(memoryGroup.resolve("cgroup.procs"), pidsGroup.resolve("cgroup.procs"));
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
        for (Path group : List.of(pidsGroup, memoryGroup)) {
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
