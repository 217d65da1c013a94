package dev.qide.account.user;

import dev.qide.identity.Theme;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person who signs in. The email is stored normalized (see {@link EmailAddress}) and is unique. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 254, unique = true)
    public String email;

    @Column(name = "display_name", nullable = false, length = 80)
    public String displayName;

    /** bcrypt hash; null for accounts that only sign in through an identity provider. */
    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    /** When the person proved they receive mail at {@link #email}; null until then. */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Theme theme;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;

    public static User create(String email, String displayName, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = email;
        user.displayName = displayName;
        user.theme = Theme.AUTO;
        user.createdAt = now;
        return user;
    }

    public static Optional<User> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResultOptional();
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }
}
