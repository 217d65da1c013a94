package dev.qide.team;

import dev.qide.identity.WorkspaceRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** An invitation by email to join a team with a role. Only the hash of its single-use token is stored. */
@Entity
@Table(name = "team_invite")
public class TeamInvite extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    /** Lower-cased; only the person signed in with this address may accept. */
    @Column(nullable = false, length = 254)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public WorkspaceRole role;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    public String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public InviteStatus status;

    @Column(name = "invited_by")
    public UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the mail was last sent (re-sending sends a new token and moves the expiry). */
    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public UUID resolvedBy;

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Pending and not expired: it holds a seat and can be accepted. */
    public boolean open(Instant now) {
        return status == InviteStatus.PENDING && !expired(now);
    }

    public static Optional<TeamInvite> byTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public static Optional<TeamInvite> inWorkspace(UUID workspaceId, UUID inviteId) {
        return find("id = ?1 and workspaceId = ?2", inviteId, workspaceId).firstResultOptional();
    }

    /** Invitations still pending and not expired, newest first. */
    public static List<TeamInvite> openIn(UUID workspaceId, Instant now) {
        return list(
                "workspaceId = ?1 and status = ?2 and expiresAt > ?3 order by createdAt desc",
                workspaceId,
                InviteStatus.PENDING,
                now);
    }

    public static long countOpen(UUID workspaceId, Instant now) {
        return count("workspaceId = ?1 and status = ?2 and expiresAt > ?3", workspaceId, InviteStatus.PENDING, now);
    }

    public static Optional<TeamInvite> openFor(UUID workspaceId, String email, Instant now) {
        return find(
                        "workspaceId = ?1 and email = ?2 and status = ?3 and expiresAt > ?4",
                        workspaceId,
                        email,
                        InviteStatus.PENDING,
                        now)
                .firstResultOptional();
    }
}
