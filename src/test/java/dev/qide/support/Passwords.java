package dev.qide.support;

/** Passwords for tests: one the policy accepts, one it refuses. */
public final class Passwords {

    public static final String STRONG = "violet tangerine orbit 42";
    public static final String ANOTHER_STRONG = "quiet harbour lantern 7";

    private Passwords() {}
}
