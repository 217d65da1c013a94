package dev.qide.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;

/**
 * A file or folder of a project, addressed by its normalized path ("src/main.py"). The revision is the optimistic
 * lock: a save names the revision it started from and is refused when someone saved in between.
 */
@Entity
@Table(name = "project_file")
public class ProjectFile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    /** Moving a file is not a change to its content, so it does not make open editors' revisions stale. */
    @OptimisticLock(excluded = true)
    @Column(nullable = false, length = 512)
    public String path;

    @Column(nullable = false)
    public boolean folder;

    /** UTF-8 text of a file; null for a folder. */
    @Column(length = FileContent.MAX_BYTES)
    public String content;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Version
    @Column(nullable = false)
    public int revision;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static ProjectFile newFile(UUID projectId, String path, String content, UUID author, Instant now) {
        ProjectFile file = newEntry(projectId, path, false, author, now);
        file.content = content;
        file.sizeBytes = FileContent.sizeOf(content);
        return file;
    }

    public static ProjectFile newFolder(UUID projectId, String path, UUID author, Instant now) {
        return newEntry(projectId, path, true, author, now);
    }

    private static ProjectFile newEntry(UUID projectId, String path, boolean folder, UUID author, Instant now) {
        ProjectFile file = new ProjectFile();
        file.id = UUID.randomUUID();
        file.projectId = projectId;
        file.path = path;
        file.folder = folder;
        file.updatedBy = author;
        file.updatedAt = now;
        return file;
    }

    /** The last part of the path: "main.py" for "src/main.py". */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String language() {
        return folder ? null : FileLanguages.of(path);
    }

    public static List<ProjectFile> listOf(UUID projectId) {
        return list("projectId", Sort.ascending("path"), projectId);
    }

    /** A file or folder without its content, for trees: listing never reads the files themselves. */
    public record Entry(UUID id, String path, boolean folder, long sizeBytes, int revision, Instant updatedAt) {

        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    public static List<Entry> entriesOf(UUID projectId) {
        return find("projectId", Sort.ascending("path"), projectId)
                .project(Entry.class)
                .list();
    }

    public static Optional<ProjectFile> findIn(UUID projectId, UUID fileId) {
        return find("projectId = ?1 and id = ?2", projectId, fileId).firstResultOptional();
    }

    public static Optional<ProjectFile> findByPath(UUID projectId, String path) {
        return find("projectId = ?1 and path = ?2", projectId, path).firstResultOptional();
    }

    /** Everything inside folder {@code path} (not the folder itself). */
    public static List<ProjectFile> inside(UUID projectId, String path) {
        return list("projectId = ?1 and path like ?2 escape '\\'", projectId, LikePatterns.escape(path) + "/%");
    }

    /** Bytes of file content held by a project, history included. */
    public static long bytesHeldBy(UUID projectId) {
        long files = getEntityManager()
                .createQuery(
                        "select coalesce(sum(f.sizeBytes), 0) from ProjectFile f where f.projectId = :project",
                        Long.class)
                .setParameter("project", projectId)
                .getSingleResult();
        long versions = getEntityManager()
                .createQuery(
                        "select coalesce(sum(v.sizeBytes), 0) from FileVersion v where v.fileId in"
                                + " (select f.id from ProjectFile f where f.projectId = :project)",
                        Long.class)
                .setParameter("project", projectId)
                .getSingleResult();
        return files + versions;
    }
}
