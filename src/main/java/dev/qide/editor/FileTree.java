package dev.qide.editor;

import dev.qide.project.FileLanguages;
import dev.qide.project.ProjectFile;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A project's files as the editor's sidebar shows them: nested folders, folders before files, each level by name;
 * {@code firstFileId} is the file the editor opens on arrival (the first by path).
 */
public record FileTree(List<Node> roots, UUID firstFileId) {

    private static final Map<String, String> ICONS = Map.ofEntries(
            Map.entry("py", "filetype-py"),
            Map.entry("js", "filetype-js"),
            Map.entry("ts", "filetype-tsx"),
            Map.entry("java", "filetype-java"),
            Map.entry("md", "filetype-md"),
            Map.entry("json", "filetype-json"),
            Map.entry("html", "filetype-html"),
            Map.entry("css", "filetype-css"),
            Map.entry("sh", "filetype-sh"),
            Map.entry("go", "file-earmark-code"),
            Map.entry("rs", "file-earmark-code"),
            Map.entry("yml", "filetype-yml"),
            Map.entry("yaml", "filetype-yml"));

    /**
     * A folder or file; {@code id} is null for a folder that only appears as the parent of a stored entry (the tree
     * still shows it, without actions).
     */
    public record Node(String name, String path, boolean folder, UUID id, List<Node> children) {

        /** Monaco's language id for a file, null for a folder. */
        public String language() {
            return folder ? null : FileLanguages.of(path);
        }

        /** The Bootstrap icon of a file, by its extension. */
        public String icon() {
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return ICONS.getOrDefault(extension, "file-earmark-text");
        }

        public boolean stored() {
            return id != null;
        }
    }

    public FileTree {
        roots = List.copyOf(Objects.requireNonNull(roots));
    }

    public boolean isEmpty() {
        return roots.isEmpty();
    }

    /** The tree of {@code entries}, which come ordered by path. */
    public static FileTree of(List<ProjectFile.Entry> entries) {
        Builder top = new Builder("", "");
        for (ProjectFile.Entry entry : entries) {
            Builder node = top;
            String[] parts = entry.path().split("/");
            StringBuilder path = new StringBuilder();
            for (String part : parts) {
                path.append(path.isEmpty() ? "" : "/").append(part);
                String at = path.toString();
                node = node.children.computeIfAbsent(part, name -> new Builder(name, at));
            }
            node.folder = entry.folder();
            node.id = entry.id();
        }
        UUID first = entries.stream()
                .filter(entry -> !entry.folder())
                .map(ProjectFile.Entry::id)
                .findFirst()
                .orElse(null);
        return new FileTree(top.build(order()).children(), first);
    }

    private static Comparator<Node> order() {
        Collator byName = Collator.getInstance(Locale.ENGLISH);
        return Comparator.comparing((Node node) -> !node.folder())
                .thenComparing(Node::name, byName)
                .thenComparing(Node::name);
    }

    /** A node while the tree is being put together; a path seen only as a parent is a folder. */
    private static final class Builder {
        private final String name;
        private final String path;
        private final Map<String, Builder> children = new LinkedHashMap<>();
        private boolean folder = true;
        private UUID id;

        Builder(String name, String path) {
            this.name = name;
            this.path = path;
        }

        Node build(Comparator<Node> order) {
            List<Node> built = new ArrayList<>(children.size());
            for (Builder child : children.values()) {
                built.add(child.build(order));
            }
            built.sort(order);
            return new Node(name, path, folder, id, List.copyOf(built));
        }
    }
}
