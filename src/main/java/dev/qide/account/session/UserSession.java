package dev.qide.account.session;

import dev.qide.account.user.User;
import dev.qide.workspace.Workspace;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a database leak does not
 * hand out sessions. Every sign-in method (password, GitHub, Google, OIDC) ends in one of these.
 */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    /** The workspace the person is working in. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false)
    public Workspace workspace;

    /** How the person signed in: password, or the identity provider's id. */
    @Column(name = "sign_in_method", nullable = false, length = 32)
    public String signInMethod;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    /** Sliding expiry: pushed forward on use, never past the absolute lifetime. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "user_agent", length = 255)
    public String userAgent;

    @Column(name = "ip_address", length = 64)
    public String ipAddress;

    /** A live session by token hash, with its user and workspace loaded. */
    public static Optional<UserSession> findLive(String tokenHash, Instant now) {
        return find(
                        "from UserSession s join fetch s.user join fetch s.workspace "
                                + "where s.tokenHash = ?1 and s.expiresAt > ?2",
                        tokenHash,
                        now)
                .firstResultOptional();
    }

    public static List<UserSession> listLive(UUID userId, Instant now) {
        return list("user.id = ?1 and expiresAt > ?2 order by lastSeenAt desc", userId, now);
    }
}
