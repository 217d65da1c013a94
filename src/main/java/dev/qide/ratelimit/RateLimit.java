package dev.qide.ratelimit;

/**
 * The per-minute rate limits: the ones that hold whatever the plan (sized by {@link RateLimitConfig}) and the plan's
 * own API limit ({@code PLAN_API}, sized by the plan). Each counts one caller: an address, an account, a person or
 * an API key.
 */
public enum RateLimit {
    SIGN_IN_PER_ADDRESS("sign-in attempts from this address"),
    SIGN_IN_PER_ACCOUNT("sign-in attempts for this account"),
    SIGN_UP_EMAILS("sign-up emails to this address"),
    CODE_RUNS("code runs"),
    CHAT_MESSAGES("chat messages"),
    PLAN_API("API requests");

    private final String what;

    RateLimit(String what) {
        this.what = what;
    }

    /** "code runs", for messages. */
    public String what() {
        return what;
    }
}
