package dev.qide.chat.conversation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's conversation with models, about one project or (project null) about anything. */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    public static final int MAX_TITLE = 120;

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The person's conversations in a workspace about {@code projectId} (null: those about no project), newest first. */
    public static List<Conversation> of(UUID userId, UUID workspaceId, UUID projectId) {
        return projectId == null
                ? list(
                        "userId = ?1 and workspaceId = ?2 and projectId is null order by updatedAt desc",
                        userId,
                        workspaceId)
                : list(
                        "userId = ?1 and workspaceId = ?2 and projectId = ?3 order by updatedAt desc",
                        userId,
                        workspaceId,
                        projectId);
    }
}
