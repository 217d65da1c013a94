package dev.qide.apikey;

import dev.qide.account.user.User;
import dev.qide.identity.ApiScope;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A platform API key of a workspace. The secret is shown once when the key is made; only its SHA-256 is kept, with
 * its first characters so people can tell their keys apart. The key acts as the person who made it.
 */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false)
    public Workspace workspace;

    /** Who made the key; requests made with it act as this person. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    @Column(nullable = false, length = 80)
    public String name;

    /** The visible start of the secret, {@code qide_AbCd1234}. */
    @Column(nullable = false, length = 16)
    public String prefix;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    public String tokenHash;

    /** Scope ids separated by commas: {@code projects:read,runs}. */
    @Column(nullable = false, length = 200)
    public String scopes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null: never expires. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public Set<ApiScope> scopeSet() {
        Set<ApiScope> parsed = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(","))
                .map(String::strip)
                .map(ApiScope::byId)
                .flatMap(Optional::stream)
                .forEach(parsed::add);
        return parsed;
    }

    public void scopeSet(Set<ApiScope> granted) {
        scopes = granted.stream().map(ApiScope::id).collect(Collectors.joining(","));
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean active(Instant now) {
        return !revoked() && !expired(now);
    }

    /** The key behind a secret's hash, with its creator and workspace loaded. */
    public static Optional<ApiKey> findByHash(String tokenHash) {
        return find("from ApiKey k join fetch k.user join fetch k.workspace where k.tokenHash = ?1", tokenHash)
                .firstResultOptional();
    }

    /** A workspace's keys with their creators, newest first. */
    public static List<ApiKey> listForWorkspace(UUID workspaceId) {
        return find("from ApiKey k join fetch k.user where k.workspace.id = ?1 order by k.createdAt desc", workspaceId)
                .list();
    }

    /** How many keys of a workspace still work: neither revoked nor expired. */
    /** The keys {@code userId} made in the workspace, newest first. */
    public static List<ApiKey> listForMaker(UUID workspaceId, UUID userId) {
        return find(
                        "from ApiKey k join fetch k.user where k.workspace.id = ?1 and k.user.id = ?2"
                                + " order by k.createdAt desc",
                        workspaceId,
                        userId)
                .list();
    }

    public static long countActive(UUID workspaceId, Instant now) {
        return count(
                "workspace.id = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)", workspaceId, now);
    }

    /** Records a use at {@code now} unless one was recorded after {@code since}; a single conditional UPDATE. */
    public static void touch(UUID id, Instant now, Instant since) {
        update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", now, id, since);
    }
}
