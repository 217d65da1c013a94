package dev.qide.account;

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
import java.util.Optional;
import java.util.UUID;

/** A single-use link sent by email (verify the address, reset the password). Only the token's hash is stored. */
@Entity
@Table(name = "email_token")
public class EmailToken extends PanacheEntityBase {

    /** What the link in the email does. */
    public enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Purpose purpose;

    /** The address the link was sent to; verifying proves this one, even if the account's email changed since. */
    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** An unused, unexpired token of the given purpose, with its user loaded. */
    public static Optional<EmailToken> findUsable(String tokenHash, Purpose purpose, Instant now) {
        return find(
                        "from EmailToken t join fetch t.user where t.tokenHash = ?1 and t.purpose = ?2 "
                                + "and t.usedAt is null and t.expiresAt > ?3",
                        tokenHash,
                        purpose,
                        now)
                .firstResultOptional();
    }
}
