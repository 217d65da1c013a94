package dev.qide.run;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A run's copy of the project's files on the server, readable only by the server, deleted when the run ends. */
final class ScratchFolder {

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    static ScratchFolder create(Path root, String name, Map<String, String> files) throws IOException {
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root, ownerOnly);
        }
        ScratchFolder folder = new ScratchFolder(Files.createDirectory(root.resolve(name), ownerOnly));
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = folder.path.resolve(file.getKey()).normalize();
                if (!target.startsWith(folder.path)) {
                    throw new IOException("Not inside the project: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return folder;
        } catch (IOException e) {
            folder.delete();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The run folders left in {@code root}, e.g. by a server that was killed mid-run. */
    static List<ScratchFolder> leftIn(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(entry -> Files.isDirectory(entry)
                            && entry.getFileName().toString().startsWith(BubblewrapSandbox.RUN_PREFIX))
                    .map(ScratchFolder::new)
                    .toList();
        } catch (IOException e) {
            Log.warnf(e, "Could not list the scratch folder %s", root);
            return List.of();
        }
    }

    void delete() {
        try (Stream<Path> entries = Files.walk(path)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            Log.warnf(e, "Could not delete the scratch folder %s", path);
        }
    }
}
