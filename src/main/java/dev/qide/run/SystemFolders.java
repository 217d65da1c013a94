package dev.qide.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's system folders a sandbox sees, read-only, and the interpreters found in them. Only /usr, the root
 * links or folders beside it (/bin, /lib, ...: links on a merged-/usr Debian, folders on an older one), and the two
 * /etc entries programs load through are shown; never /root, /home, /tmp, /etc as a whole or the server's folders.
 */
final class SystemFolders {

    /** The sandbox's PATH; interpreters are looked up in it, in this order. */
    static final List<String> SEARCH_PATH = List.of("/usr/local/bin", "/usr/bin", "/bin");

    private static final String USR = "/usr";
    private static final List<String> BESIDE_USR = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    // Interpreters reached through /etc/alternatives links, and the dynamic loader's cache.
    private static final List<String> FROM_ETC = List.of("/etc/alternatives", "/etc/ld.so.cache");

    private SystemFolders() {}

    /** bubblewrap arguments that show the system folders read-only at their usual places. */
    static List<String> bubblewrapArguments() {
        List<String> arguments = new ArrayList<>(List.of("--ro-bind", USR, USR));
        for (String entry : BESIDE_USR) {
            Path path = Path.of(entry);
            if (Files.isSymbolicLink(path)) {
                arguments.addAll(List.of("--symlink", linkTarget(path), entry));
            } else if (Files.isDirectory(path)) {
                arguments.addAll(List.of("--ro-bind", entry, entry));
            }
        }
        for (String entry : FROM_ETC) {
            arguments.addAll(List.of("--ro-bind-try", entry, entry));
        }
        return arguments;
    }

    /**
     * A program's path on the sandbox's PATH (an interpreter, tar). A candidate counts only when it really lives in a
     * folder the sandbox sees: a python3 that links into /root/.pyenv or /opt, say, would not run there.
     */
    static Optional<String> findProgram(String name) {
        for (String folder : SEARCH_PATH) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate) && isVisibleInSandbox(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean isVisibleInSandbox(Path candidate) {
        try {
            Path real = candidate.toRealPath();
            if (real.startsWith(USR)) {
                return true;
            }
            return BESIDE_USR.stream()
                    .map(Path::of)
                    .anyMatch(folder -> !Files.isSymbolicLink(folder) && real.startsWith(folder));
        } catch (IOException e) {
            return false;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the link " + link, e);
        }
    }
}
