package dev.qide.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A saved state of a file, for plans with version history. Autosaves by one person close together share one. */
@Entity
@Table(name = "file_version")
public class FileVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "file_id", nullable = false)
    public UUID fileId;

    /** The file's revision this version holds. */
    @Column(nullable = false)
    public int revision;

    @Column(nullable = false, length = FileContent.MAX_BYTES)
    public String content;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(nullable = false)
    public boolean autosave;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static FileVersion of(ProjectFile file, UUID author, boolean autosave, Instant now) {
        FileVersion version = new FileVersion();
        version.id = UUID.randomUUID();
        version.fileId = file.id;
        version.authorId = author;
        version.autosave = autosave;
        version.createdAt = now;
        version.hold(file, now);
        return version;
    }

    /** Makes this version hold the file's current content. */
    public void hold(ProjectFile file, Instant now) {
        revision = file.revision;
        content = file.content;
        sizeBytes = file.sizeBytes;
        updatedAt = now;
    }

    /** A version without its content, for history lists. */
    public record Entry(
            UUID id,
            int revision,
            UUID authorId,
            boolean autosave,
            long sizeBytes,
            Instant createdAt,
            Instant updatedAt) {}

    /** Newest first, without contents. */
    public static List<Entry> entriesOf(UUID fileId) {
        return find("fileId", Sort.descending("updatedAt", "revision"), fileId)
                .project(Entry.class)
                .list();
    }

    public static Optional<FileVersion> latestOf(UUID fileId) {
        return find("fileId", Sort.descending("updatedAt", "revision"), fileId).firstResultOptional();
    }

    public static Optional<FileVersion> findOf(UUID fileId, UUID versionId) {
        return find("fileId = ?1 and id = ?2", fileId, versionId).firstResultOptional();
    }

    /** Bytes of history a file holds. */
    public static long bytesOf(UUID fileId) {
        return getEntityManager()
                .createQuery(
                        "select coalesce(sum(v.sizeBytes), 0) from FileVersion v where v.fileId = :file", Long.class)
                .setParameter("file", fileId)
                .getSingleResult();
    }
}
