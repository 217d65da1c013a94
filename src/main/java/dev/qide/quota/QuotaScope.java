package dev.qide.quota;

import java.util.Locale;

/** Whose limit refused a request: the member's share of the workspace's pool, or the workspace's pool itself. */
public enum QuotaScope {
    MEMBER,
    WORKSPACE;

    /** The id in a problem's {@code scope} member: {@code member}, {@code workspace}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
