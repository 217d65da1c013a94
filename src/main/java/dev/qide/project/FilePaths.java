package dev.qide.project;

import dev.qide.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the path a person typed into the one form a project stores ("src/app/main.py"), refusing anything that
 * could point outside the project: absolute paths, "..", backslashes and control characters.
 */
public final class FilePaths {

    static final int MAX_LENGTH = 512;
    static final int MAX_NAME_LENGTH = 255;

    private FilePaths() {}

    /** The normalized path; throws {@link InvalidInputException} (field {@code path}) with the reason otherwise. */
    public static String normalize(String typed) {
        if (typed == null || typed.isBlank()) {
            throw refuse("Enter a file name, such as main.py or src/app.js.");
        }
        if (typed.codePoints().anyMatch(FilePaths::isControl)) {
            throw refuse("File names cannot contain control characters.");
        }
        if (typed.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE)) {
            // Half of a UTF-16 surrogate pair: not a character, and no file system or database can hold it.
            throw refuse("File names must be text: this one holds half of a character (a lone surrogate).");
        }
        String path = typed.strip();
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            throw refuse("Use a path inside the project, such as src/main.py, not an absolute path.");
        }
        if (path.contains("\\")) {
            throw refuse("Use / to separate folders.");
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw refuse("Paths cannot leave the project (\"..\" is not allowed).");
            }
            if (!part.equals(part.strip())) {
                throw refuse("File and folder names cannot start or end with a space.");
            }
            if (part.length() > MAX_NAME_LENGTH) {
                throw refuse("File and folder names can be at most " + MAX_NAME_LENGTH + " characters.");
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw refuse("Enter a file name, such as main.py or src/app.js.");
        }
        String normalized = String.join("/", parts);
        if (normalized.length() > MAX_LENGTH) {
            throw refuse("Paths can be at most " + MAX_LENGTH + " characters.");
        }
        return normalized;
    }

    /** The folder holding {@code path}, or null at the top of the project. */
    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    /** Whether {@code path} is {@code folder} itself or lies inside it. */
    public static boolean isWithin(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder + "/");
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static InvalidInputException refuse(String message) {
        return InvalidInputException.of("path", message);
    }
}
