package dev.qide.account.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Sign-in and account settings. */
@ConfigMapping(prefix = "qide.accounts")
public interface AccountConfig {

    /** bcrypt cost factor; each step doubles the work. Never below 12. */
    @WithDefault("12")
    @Min(12)
    @Max(16)
    int bcryptCost();

    /** A session unused for this long ends. */
    @WithDefault("14d")
    Duration sessionIdleTimeout();

    /** A session ends this long after sign-in, used or not. */
    @WithDefault("30d")
    Duration sessionLifetime();

    /** How long an email-verification link works. */
    @WithDefault("48h")
    Duration emailVerificationValidity();

    /** How long a password-reset link works. */
    @WithDefault("1h")
    Duration passwordResetValidity();
}
