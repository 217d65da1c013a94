package dev.qide.project;

import java.util.Locale;
import java.util.Map;

/** The editor language of a file, from its name: the ids Monaco's syntax highlighting knows. */
public final class FileLanguages {

    public static final String PLAIN_TEXT = "plaintext";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("py", "python"),
            Map.entry("js", "javascript"),
            Map.entry("mjs", "javascript"),
            Map.entry("cjs", "javascript"),
            Map.entry("jsx", "javascript"),
            Map.entry("ts", "typescript"),
            Map.entry("tsx", "typescript"),
            Map.entry("java", "java"),
            Map.entry("kt", "kotlin"),
            Map.entry("go", "go"),
            Map.entry("rs", "rust"),
            Map.entry("c", "c"),
            Map.entry("h", "c"),
            Map.entry("cpp", "cpp"),
            Map.entry("cc", "cpp"),
            Map.entry("hpp", "cpp"),
            Map.entry("cs", "csharp"),
            Map.entry("rb", "ruby"),
            Map.entry("php", "php"),
            Map.entry("html", "html"),
            Map.entry("htm", "html"),
            Map.entry("css", "css"),
            Map.entry("scss", "scss"),
            Map.entry("json", "json"),
            Map.entry("md", "markdown"),
            Map.entry("markdown", "markdown"),
            Map.entry("sh", "shell"),
            Map.entry("bash", "shell"),
            Map.entry("yml", "yaml"),
            Map.entry("yaml", "yaml"),
            Map.entry("xml", "xml"),
            Map.entry("sql", "sql"),
            Map.entry("toml", "ini"),
            Map.entry("ini", "ini"),
            Map.entry("txt", PLAIN_TEXT));

    private static final Map<String, String> BY_NAME = Map.of("dockerfile", "dockerfile", "makefile", "shell");

    private FileLanguages() {}

    public static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String byName = BY_NAME.get(name);
        if (byName != null) {
            return byName;
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? PLAIN_TEXT : BY_EXTENSION.getOrDefault(name.substring(dot + 1), PLAIN_TEXT);
    }
}
