package dev.qide.ratelimit;

/**
 * The per-minute limits that hold whatever the plan (the plan's own API limit is {@code PLAN_API}, sized by the
 * plan). Each names who is counted: an address, an account, a person or an API key.
 */
public enum RateLimit {
    SIGN_IN_PER_ADDRESS("sign-in attempts from this address", 5),
    SIGN_IN_PER_ACCOUNT("sign-in attempts for this account", 5),
    CODE_RUNS("code runs", 5),
    CHAT_MESSAGES("chat messages", 30),
    PLAN_API("API requests", 0);

    private final String what;
    private final long perMinute;

    RateLimit(String what, long perMinute) {
        this.what = what;
        this.perMinute = perMinute;
    }

    /** "code runs", for messages. */
    public String what() {
        return what;
    }

    /** The fixed limit a minute; 0 for the plan's API limit, which is given per call. */
    public long perMinute() {
        return perMinute;
    }
}
