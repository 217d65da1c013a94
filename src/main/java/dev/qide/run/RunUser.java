package dev.qide.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Who a run's processes are on the server, outside their sandbox: never root. bubblewrap maps the sandbox's user to
 * the user that starts it, so a server running as root starts each run's bubblewrap as the configured run user
 * ({@code setpriv}, once the launching shell has joined the run's cgroups), with no groups, no capabilities and no way
 * to gain any; a server that is not root starts bubblewrap as itself, which is already unprivileged.
 *
 * @param uid the run's user id on the server
 * @param gid the run's group id on the server
 * @param switchesFromRoot whether runs leave the server's root user for {@code uid} and {@code gid}
 */
record RunUser(int uid, int gid, boolean switchesFromRoot) {

    /** The run user for this server process, or why runs cannot get one. */
    static RunUser forThisServer(SandboxConfig config) {
        RunUser user;
        try {
            user = forServer(
                    config.runUid(),
                    config.runGid(),
                    Files.readAllLines(Path.of("/proc/self/status")),
                    Files.readAllLines(Path.of("/proc/self/uid_map")),
                    Files.readAllLines(Path.of("/proc/self/gid_map")));
        } catch (IOException e) {
            throw new SandboxUnavailableException(
                    "Running code is turned off on this server: it cannot tell which user it runs as.");
        }
        if (user.switchesFromRoot()) {
            requireUnprivilegedUserNamespaces(
                    sysctl("kernel/unprivileged_userns_clone"), sysctl("user/max_user_namespaces"));
        }
        return user;
    }

    /**
     * bubblewrap started by an unprivileged user creates the sandbox's user namespace as that user, which some kernels
     * refuse: Debian's {@code kernel.unprivileged_userns_clone=0}, or {@code user.max_user_namespaces=0}.
     */
    static void requireUnprivilegedUserNamespaces(Optional<String> unprivilegedClone, Optional<String> maxNamespaces) {
        if (unprivilegedClone.filter("0"::equals).isPresent()
                || maxNamespaces.filter("0"::equals).isPresent()) {
            throw new SandboxUnavailableException("Running code is turned off on this server: its kernel does not let"
                    + " unprivileged users create user namespaces, which the sandbox needs (sysctl"
                    + " kernel.unprivileged_userns_clone=1 and a user.max_user_namespaces above 0).");
        }
    }

    private static Optional<String> sysctl(String name) {
        try {
            return Optional.of(Files.readString(Path.of("/proc/sys", name)).strip());
        } catch (IOException absent) {
            return Optional.empty();
        }
    }

    /**
     * The run user, from the server's /proc/self/status ("Uid:  real effective saved fs") and its user namespace's
     * id maps ("inside outside count" per line).
     */
    static RunUser forServer(int runUid, int runGid, List<String> status, List<String> uidMap, List<String> gidMap) {
        int serverUid = effectiveId(status, "Uid:");
        int serverGid = effectiveId(status, "Gid:");
        if (serverUid != 0) {
            return new RunUser(serverUid, serverGid, false);
        }
        if (!isMapped(runUid, uidMap) || !isMapped(runGid, gidMap)) {
            throw new SandboxUnavailableException("Running code is turned off on this server: the run user "
                    + runUid + ":" + runGid + " (qide.sandbox.run-uid, run-gid) does not exist in the server's user"
                    + " namespace.");
        }
        return new RunUser(runUid, runGid, true);
    }

    /** What goes before bubblewrap on the launching command line: the switch to this user, if any. */
    List<String> switchCommand(Path setpriv) {
        if (!switchesFromRoot) {
            return List.of();
        }
        return List.of(
                setpriv.toString(),
                "--reuid=" + uid,
                "--regid=" + gid,
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--no-new-privs",
                "--");
    }

    private static int effectiveId(List<String> status, String field) {
        return status.stream()
                .filter(line -> line.startsWith(field))
                .map(line -> line.substring(field.length()).trim().split("\\s+"))
                .filter(ids -> ids.length >= 2)
                .mapToInt(ids -> Integer.parseInt(ids[1]))
                .findFirst()
                .orElseThrow(() -> new SandboxUnavailableException(
                        "Running code is turned off on this server: it cannot tell which user it runs as."));
    }

    private static boolean isMapped(long id, List<String> idMap) {
        return idMap.stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length == 3)
                .anyMatch(fields -> {
                    long first = Long.parseLong(fields[0]);
                    return id >= first && id < first + Long.parseLong(fields[2]);
                });
    }
}
