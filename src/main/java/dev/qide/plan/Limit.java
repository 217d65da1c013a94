package dev.qide.plan;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A plan limit: a non-negative amount, or unlimited. Written in configuration as a number or {@code unlimited}.
 */
public record Limit(long amount, boolean unlimited) {

    public static final Limit UNLIMITED = new Limit(Long.MAX_VALUE, true);

    public Limit {
        if (amount < 0) {
            throw new IllegalArgumentException("A limit cannot be negative: " + amount);
        }
    }

    public static Limit of(long amount) {
        return new Limit(amount, false);
    }

    /** True when {@code wanted} units fit under this limit. */
    public boolean allows(long wanted) {
        return unlimited || wanted <= amount;
    }

    /** The amount as people read it: "10,000" or "Unlimited". */
    public String display() {
        return unlimited
                ? "Unlimited"
                : NumberFormat.getIntegerInstance(Locale.US).format(amount);
    }

    @Override
    public String toString() {
        return unlimited ? "unlimited" : Long.toString(amount);
    }
}
