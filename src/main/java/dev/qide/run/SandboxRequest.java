package dev.qide.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: a project's files and the one to start.
 *
 * @param language the interpreter to start the entry file with
 * @param files every file of the project, by path relative to the project's root, with its UTF-8 content
 * @param entryFile the relative path of the file to run; must be one of {@code files}
 * @param timeout how long the program may run; {@code null} for the server's default. Longer than the server's
 *     maximum is cut to the maximum.
 */
public record SandboxRequest(RunLanguage language, Map<String, String> files, String entryFile, Duration timeout) {

    public SandboxRequest {
        Objects.requireNonNull(language, "language");
        files = Map.copyOf(files);
        files.keySet().forEach(SandboxRequest::requireProjectPath);
        if (!files.containsKey(entryFile)) {
            throw new IllegalArgumentException("The entry file " + entryFile + " is not among the project's files");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("A run's timeout must be positive, got " + timeout);
        }
    }

    /** A request with the server's default timeout. */
    public SandboxRequest(RunLanguage language, Map<String, String> files, String entryFile) {
        this(language, files, entryFile, null);
    }

    /** Refuses paths that could land outside the project's folder once copied: absolute, "..", "./", "a//b". */
    private static void requireProjectPath(String path) {
        boolean valid = !path.isBlank()
                && !path.startsWith("/")
                && path.indexOf('\0') < 0
                && Path.of(path).normalize().toString().equals(path)
                && !path.equals("..")
                && !path.startsWith("../");
        if (!valid) {
            throw new IllegalArgumentException("Not a relative path inside the project: " + path);
        }
    }
}
