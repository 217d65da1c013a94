package dev.qide.workspace;

import dev.qide.account.user.User;
import dev.qide.identity.WorkspaceRole;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A user's membership of a workspace, with their role. */
@Entity
@Table(name = "workspace_member")
public class WorkspaceMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false)
    public Workspace workspace;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public WorkspaceRole role;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** The member's share of the workspace's daily LLM requests; null shares the whole pool. */
    @Column(name = "llm_daily_cap")
    public Integer llmDailyCap;

    /** When the member last worked in the workspace (kept at the session's touch interval). */
    @Column(name = "last_active_at")
    public Instant lastActiveAt;

    public static WorkspaceMember create(Workspace workspace, User user, WorkspaceRole role, Instant now) {
        WorkspaceMember member = new WorkspaceMember();
        member.id = UUID.randomUUID();
        member.workspace = workspace;
        member.user = user;
        member.role = role;
        member.joinedAt = now;
        return member;
    }

    /** The membership of {@code userId} in {@code workspaceId}, if any. */
    public static Optional<WorkspaceMember> find(UUID workspaceId, UUID userId) {
        return find("workspace.id = ?1 and user.id = ?2", workspaceId, userId).firstResultOptional();
    }

    /** The same, with the member's user loaded: for callers that show who it is after the transaction ended. */
    public static Optional<WorkspaceMember> findWithUser(UUID workspaceId, UUID userId) {
        return find(
                        "from WorkspaceMember m join fetch m.user where m.workspace.id = ?1 and m.user.id = ?2",
                        workspaceId,
                        userId)
                .firstResultOptional();
    }

    /** Members of a workspace with their users, most powerful role first, then by join date. */
    public static List<WorkspaceMember> listWithUsers(UUID workspaceId) {
        List<WorkspaceMember> members = find(
                        "from WorkspaceMember m join fetch m.user where m.workspace.id = ?1", workspaceId)
                .list();
        members.sort(Comparator.comparing((WorkspaceMember m) -> m.role).thenComparing(m -> m.joinedAt));
        return members;
    }

    /** The workspaces a user belongs to, with their role in each: personal first, then teams by name. */
    public static List<WorkspaceMember> membershipsOf(UUID userId) {
        List<WorkspaceMember> memberships = find(
                        "from WorkspaceMember m join fetch m.workspace w where m.user.id = ?1 and w.deletedAt is null",
                        userId)
                .list();
        memberships.sort(Comparator.comparing((WorkspaceMember m) -> m.workspace.kind)
                .thenComparing(m -> m.workspace.name.toLowerCase(Locale.ROOT)));
        return memberships;
    }

    public static long countIn(UUID workspaceId) {
        return count("workspace.id", workspaceId);
    }

    /** The personal workspace of a user: the one of kind PERSONAL they own. */
    public static Optional<Workspace> personalWorkspaceOf(UUID userId) {
        return find(
                        "from WorkspaceMember m join fetch m.workspace w where m.user.id = ?1 and w.kind = ?2 and m.role = ?3",
                        userId,
                        WorkspaceKind.PERSONAL,
                        WorkspaceRole.OWNER)
                .<WorkspaceMember>firstResultOptional()
                .map(member -> member.workspace);
    }
}
