package dev.qide.project;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What the JSON API answers about projects, files, versions and shares (snake_case on the wire). */
public final class ProjectViews {

    private ProjectViews() {}

    public record ProjectView(
            UUID id,
            UUID workspaceId,
            String name,
            String description,
            String language,
            String permission,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt) {

        static ProjectView of(Project project, ProjectPermission permission) {
            return new ProjectView(
                    project.id,
                    project.workspaceId,
                    project.name,
                    project.description,
                    project.language.name().toLowerCase(Locale.ROOT),
                    permission.name().toLowerCase(Locale.ROOT),
                    project.createdAt,
                    project.updatedAt,
                    project.deletedAt);
        }
    }

    public record ProjectList(List<ProjectView> projects, long total, int page, int pages) {}

    /** A file or folder; {@code content} only when one file was asked for, never in a tree. */
    public record FileView(
            UUID id,
            String path,
            String name,
            boolean folder,
            String language,
            long sizeBytes,
            int revision,
            Instant updatedAt,
            String content) {

        static FileView of(ProjectFile.Entry entry) {
            return new FileView(
                    entry.id(),
                    entry.path(),
                    entry.name(),
                    entry.folder(),
                    entry.folder() ? null : FileLanguages.of(entry.path()),
                    entry.sizeBytes(),
                    entry.revision(),
                    entry.updatedAt(),
                    null);
        }

        static FileView of(ProjectFile file) {
            return new FileView(
                    file.id,
                    file.path,
                    file.name(),
                    file.folder,
                    file.language(),
                    file.sizeBytes,
                    file.revision,
                    file.updatedAt,
                    file.content);
        }
    }

    public record VersionView(
            UUID id,
            int revision,
            UUID authorId,
            String authorName,
            boolean autosave,
            long sizeBytes,
            Instant createdAt,
            Instant updatedAt,
            String content) {}

    public record ShareView(UUID userId, String email, String name, String role, Instant createdAt) {

        static ShareView of(ProjectShare share) {
            return new ShareView(
                    share.userId,
                    share.user.email,
                    share.user.displayName,
                    share.role.name().toLowerCase(Locale.ROOT),
                    share.createdAt);
        }
    }
}
