package dev.qide.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** The per-minute limits that hold whatever the plan (QIDE_RATE_LIMITS_*). */
@ConfigMapping(prefix = "qide.rate-limits")
public interface RateLimitConfig {

    /** Sign-in attempts a minute from one address. */
    @WithDefault("5")
    @Min(1)
    long signInPerAddress();

    /** Sign-in attempts a minute for one account, from anywhere. */
    @WithDefault("5")
    @Min(1)
    long signInPerAccount();

    /** Emails the sign-up form may send one address a minute (the link to finish, or the note to its owner). */
    @WithDefault("3")
    @Min(1)
    long signUpEmails();

    /** Code runs a person may start a minute. */
    @WithDefault("5")
    @Min(1)
    long codeRuns();

    /** Chat messages a person may send a minute. */
    @WithDefault("30")
    @Min(1)
    long chatMessages();
}
