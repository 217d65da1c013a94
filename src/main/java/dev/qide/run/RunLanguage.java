package dev.qide.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A language a project file can be run in, and the interpreter that runs it. */
public enum RunLanguage {
    // -u: unbuffered, so print() reaches the browser as it happens rather than when a buffer fills.
    PYTHON("python", "Python 3", List.of(".py"), List.of("python3", "-u")),
    JAVASCRIPT("javascript", "JavaScript (Node.js)", List.of(".js", ".mjs", ".cjs"), List.of("node")),
    BASH("bash", "Bash", List.of(".sh", ".bash"), List.of("bash"));

    private final String id;
    private final String displayName;
    private final List<String> extensions;
    private final List<String> command;

    RunLanguage(String id, String displayName, List<String> extensions, List<String> command) {
        this.id = id;
        this.displayName = displayName;
        this.extensions = extensions;
        this.command = command;
    }

    /** Stable identifier used in URLs, forms and run records. */
    public String id() {
        return id;
    }

    /** Name shown to people. */
    public String displayName() {
        return displayName;
    }

    /** File name endings run in this language, lower case with the dot. */
    public List<String> extensions() {
        return extensions;
    }

    /** The interpreter's program name, looked up in the sandbox's system folders. */
    public String interpreter() {
        return command.getFirst();
    }

    /** Arguments given to the interpreter before the entry file. */
    public List<String> interpreterArguments() {
        return command.subList(1, command.size());
    }

    public static Optional<RunLanguage> byId(String id) {
        return Arrays.stream(values())
                .filter(language -> language.id.equals(id))
                .findFirst();
    }

    /** The language of a file, by the ending of its name ("src/main.py" is Python); case does not matter. */
    public static Optional<RunLanguage> forFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(language -> language.extensions.stream().anyMatch(name::endsWith))
                .findFirst();
    }
}
