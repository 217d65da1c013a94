package dev.qide.account.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** bcrypt hashing with the configured cost, and checks that take as long whether or not the account exists. */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    private volatile String decoyHash;

    PasswordHasher(AccountConfig config) {
        this.cost = config.bcryptCost();
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** True when {@code password} matches {@code hash}; with a null hash, spends the same time and answers false. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            BcryptUtil.matches(password, decoyHash());
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hash(SecretTokens.newToken().substring(0, 20));
            decoyHash = hash;
        }
        return hash;
    }
}
