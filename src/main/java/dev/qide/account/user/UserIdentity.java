package dev.qide.account.user;

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

/** An identity-provider account (GitHub, Google, an OIDC issuer) linked to a user. */
@Entity
@Table(name = "user_identity")
public class UserIdentity extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    /** Provider id as configured: github, google or oidc. */
    @Column(nullable = false, length = 32)
    public String provider;

    /** The provider's stable id for the person (the OIDC {@code sub}, GitHub's numeric id). */
    @Column(nullable = false, length = 255)
    public String subject;

    /** The email the provider reported at the last sign-in, for display. */
    @Column(length = 254)
    public String email;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    public static UserIdentity create(User user, String provider, String subject, String email, Instant now) {
        UserIdentity identity = new UserIdentity();
        identity.id = UUID.randomUUID();
        identity.user = user;
        identity.provider = provider;
        identity.subject = subject;
        identity.email = email;
        identity.createdAt = now;
        identity.lastUsedAt = now;
        return identity;
    }

    public static Optional<UserIdentity> findByProviderSubject(String provider, String subject) {
        return find("from UserIdentity i join fetch i.user where i.provider = ?1 and i.subject = ?2", provider, subject)
                .firstResultOptional();
    }

    public static List<UserIdentity> listForUser(UUID userId) {
        return list("user.id = ?1 order by createdAt", userId);
    }
}
