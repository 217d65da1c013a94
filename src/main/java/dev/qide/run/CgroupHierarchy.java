package dev.qide.run;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A cgroup v1 hierarchy holding one controller (memory or pids), and the group this server runs in there: runs get
 * child groups of it, so they stay inside whatever limits the server itself has.
 *
 * @param controller the controller's name, e.g. "pids"
 * @param serverGroup the folder of the server's own group in that hierarchy
 */
record CgroupHierarchy(String controller, Path serverGroup) {

    /** The folder holding one child group per run. */
    Path runsFolder() {
        return serverGroup.resolve("qide-sandbox");
    }

    /** The hierarchy of a controller as this process sees it, when mounted and writable. */
    static Optional<CgroupHierarchy> find(String controller) {
        try {
            return find(
                            controller,
                            Files.readAllLines(Path.of("/proc/self/mountinfo")),
                            Files.readAllLines(Path.of("/proc/self/cgroup")))
                    .filter(hierarchy -> Files.isWritable(hierarchy.serverGroup()));
        } catch (IOException e) {
            Log.debugf(e, "Cannot read this process's cgroups");
            return Optional.empty();
        }
    }

    /**
     * Finds the controller's mount in /proc/self/mountinfo lines ("39 31 0:36 / /sys/fs/cgroup/pids rw - cgroup
     * cgroup rw,pids") and the server's group in /proc/self/cgroup lines ("8:pids:/some/group").
     */
    static Optional<CgroupHierarchy> find(String controller, List<String> mountInfo, List<String> cgroups) {
        Optional<String> groupPath = cgroups.stream()
                .map(line -> line.split(":", 3))
                .filter(fields -> fields.length == 3
                        && Arrays.asList(fields[1].split(",")).contains(controller))
                .map(fields -> fields[2])
                .findFirst();
        if (groupPath.isEmpty()) {
            return Optional.empty();
        }
        for (String line : mountInfo) {
            String[] sides = line.split(" - ", 2);
            if (sides.length < 2) {
                continue;
            }
            String[] mount = sides[0].split(" ");
            String[] filesystem = sides[1].split(" ");
            boolean holdsController = filesystem.length >= 3
                    && filesystem[0].equals("cgroup")
                    && Arrays.asList(filesystem[2].split(",")).contains(controller);
            if (holdsController && mount.length >= 5) {
                return serverGroup(mount[3], mount[4], groupPath.get())
                        .map(folder -> new CgroupHierarchy(controller, folder));
            }
        }
        return Optional.empty();
    }

    /** The group's folder, when the mount shows it (a mount of a subtree may not). */
    private static Optional<Path> serverGroup(String mountRoot, String mountPoint, String groupPath) {
        if (mountRoot.equals("/")) {
            return Optional.of(Path.of(mountPoint, groupPath));
        }
        if (groupPath.equals(mountRoot) || groupPath.startsWith(mountRoot + "/")) {
            return Optional.of(Path.of(mountPoint, groupPath.substring(mountRoot.length())));
        }
        return Optional.empty();
    }
}
