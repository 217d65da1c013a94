package dev.qide.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A bucket's key fits the shared table's 255 characters whatever was typed (a 70,000-character sign-in email). */
class RateLimiterKeyTest {

    @Test
    void shortWhoStaysReadableLongWhoBecomesItsDigest() {
        assertThat(RateLimiter.bounded("ada@example.test")).isEqualTo("ada@example.test");
        String typed = "x".repeat(70_000) + "@example.test";
        assertThat(RateLimiter.bounded(typed))
                .startsWith("sha256-")
                .hasSizeLessThan(60)
                .isEqualTo(RateLimiter.bounded(typed))
                .isNotEqualTo(RateLimiter.bounded("y" + typed));
        assertThat(("SIGN_IN_PER_ACCOUNT:" + RateLimiter.bounded("z".repeat(RateLimiter.MAX_WHO)) + ":"
                        + Long.MAX_VALUE))
                .hasSizeLessThanOrEqualTo(255);
    }
}
