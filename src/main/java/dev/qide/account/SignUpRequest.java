package dev.qide.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A sign-up waiting for its address to be confirmed: what the form said (the password as its bcrypt hash) and the
 * hash of the link's token. The account is made from it when the link is opened and the password given again.
 */
@Entity
@Table(name = "sign_up_request")
public class SignUpRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    public String tokenHash;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "display_name", nullable = false, length = 80)
    public String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    /** Where the person goes once the account exists (an invitation, say); a path on this site. */
    @Column(name = "next_path", length = 2048)
    public String nextPath;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** An unused, unexpired request. */
    static Optional<SignUpRequest> findUsable(String tokenHash, Instant now) {
        return find("tokenHash = ?1 and usedAt is null and expiresAt > ?2", tokenHash, now)
                .firstResultOptional();
    }

    /** The address's unused requests, their rows locked (always in the same order) until the transaction ends. */
    static List<SignUpRequest> lockOpen(String email) {
        return find("email = ?1 and usedAt is null order by id", email)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
