package dev.qide.project;

import dev.qide.account.user.User;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A project shared with someone outside its workspace, as editor or viewer. */
@Entity
@Table(name = "project_share")
public class ProjectShare extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", insertable = false, updatable = false)
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ShareRole role;

    @Column(name = "shared_by")
    public UUID sharedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static ProjectShare create(UUID projectId, UUID userId, ShareRole role, UUID sharedBy, Instant now) {
        ProjectShare share = new ProjectShare();
        share.id = UUID.randomUUID();
        share.projectId = projectId;
        share.userId = userId;
        share.role = role;
        share.sharedBy = sharedBy;
        share.createdAt = now;
        return share;
    }

    public static Optional<ProjectShare> find(UUID projectId, UUID userId) {
        return find("projectId = ?1 and userId = ?2", projectId, userId).firstResultOptional();
    }

    public static List<ProjectShare> listWithUsers(UUID projectId) {
        return list("from ProjectShare s join fetch s.user where s.projectId = ?1 order by s.createdAt", projectId);
    }
}
