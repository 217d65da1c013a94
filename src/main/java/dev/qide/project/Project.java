package dev.qide.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A named set of files in a workspace. Deleting one moves it to the trash; a scheduled job purges it later. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false, length = 80)
    public String name;

    @Column(nullable = false, length = 500)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ProjectLanguage language;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When it was moved to the trash; null while it is live. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public static Project create(
            UUID workspaceId, String name, String description, ProjectLanguage language, UUID createdBy, Instant now) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.workspaceId = workspaceId;
        project.name = name;
        project.description = description;
        project.language = language;
        project.createdBy = createdBy;
        project.createdAt = now;
        project.updatedAt = now;
        return project;
    }

    public boolean inTrash() {
        return deletedAt != null;
    }

    /** When a project in the trash will be purged for good. */
    public Instant purgeAt() {
        return deletedAt == null ? null : deletedAt.plus(ProjectService.TRASH_RETENTION);
    }

    public static Optional<Project> findLive(UUID id) {
        return Project.<Project>findByIdOptional(id).filter(project -> !project.inTrash());
    }

    /** One page of a workspace's live projects whose name or description contains {@code search}. */
    public static List<Project> search(UUID workspaceId, String search, Sort sort, Page page) {
        return find(
                        "workspaceId = ?1 and deletedAt is null and (lower(name) like ?2 escape '\\' or lower(description) like ?2 escape '\\')",
                        sort,
                        workspaceId,
                        LikePatterns.containing(search))
                .page(page)
                .list();
    }

    public static long countMatching(UUID workspaceId, String search) {
        return count(
                "workspaceId = ?1 and deletedAt is null and (lower(name) like ?2 escape '\\' or lower(description) like ?2 escape '\\')",
                workspaceId,
                LikePatterns.containing(search));
    }

    public static List<Project> trashOf(UUID workspaceId) {
        return list("workspaceId = ?1 and deletedAt is not null", Sort.descending("deletedAt"), workspaceId);
    }

    /** Live projects other workspaces shared with {@code userId}. */
    public static List<Project> sharedWith(UUID userId) {
        return list(
                "deletedAt is null and id in (select s.projectId from ProjectShare s where s.userId = ?1)",
                Sort.descending("updatedAt"),
                userId);
    }

    public static List<Project> trashedBefore(Instant cutoff) {
        return list("deletedAt < ?1", cutoff);
    }
}
