package dev.qide.byok;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A BYOK key for one provider, sealed; either a person's ({@link #userId}) or a workspace's ({@link #workspaceId}). */
@Entity
@Table(name = "provider_key")
public class ProviderKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "workspace_id")
    public UUID workspaceId;

    @Column(nullable = false, length = 32)
    public String provider;

    /** The endpoint, for custom (OpenAI-compatible) providers; null uses the catalog's. */
    @Column(name = "base_url", length = 500)
    public String baseUrl;

    @Column(name = "default_model", nullable = false, length = 200)
    public String defaultModel;

    @Column(name = "sealed_key", nullable = false, length = 2000)
    public String sealedKey;

    @Column(name = "kek_version", nullable = false)
    public int kekVersion;

    /** What people see of the key: its start and last four characters ("sk-…AbCd"). */
    @Column(name = "masked_key", nullable = false, length = 40)
    public String maskedKey;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public KeyOwner owner() {
        return userId != null ? KeyOwner.PERSONAL : KeyOwner.WORKSPACE;
    }

    public KeyCipher.Sealed sealed() {
        return new KeyCipher.Sealed(sealedKey, kekVersion);
    }

    public static List<ProviderKey> personal(UUID userId) {
        return list("userId = ?1 order by provider", userId);
    }

    public static List<ProviderKey> ofWorkspace(UUID workspaceId) {
        return list("workspaceId = ?1 order by provider", workspaceId);
    }

    /** Whether {@code userId} has a key of their own or {@code workspaceId} has one for everyone. */
    public static boolean anyFor(UUID userId, UUID workspaceId) {
        return count("userId = ?1 or workspaceId = ?2", userId, workspaceId) > 0;
    }

    public static Optional<ProviderKey> personal(UUID userId, String provider) {
        return find("userId = ?1 and provider = ?2", userId, provider).firstResultOptional();
    }

    public static Optional<ProviderKey> ofWorkspace(UUID workspaceId, String provider) {
        return find("workspaceId = ?1 and provider = ?2", workspaceId, provider).firstResultOptional();
    }
}
