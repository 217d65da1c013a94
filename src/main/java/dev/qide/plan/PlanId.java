package dev.qide.plan;

import io.quarkus.qute.TemplateEnum;
import java.util.Locale;
import java.util.Optional;

/** The five subscription plans, cheapest first. */
@TemplateEnum
public enum PlanId {
    FREE,
    PRO,
    PRO_PLUS,
    TEAMS,
    ENTERPRISE;

    /** Parses a plan name as typed in a URL or a form ("pro_plus", "PRO-PLUS"); empty when unknown. */
    public static Optional<PlanId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PlanId id : values()) {
            if (id.name().equals(normalized)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** True when this plan sits above {@code other} in the catalog order. */
    public boolean isAbove(PlanId other) {
        return ordinal() > other.ordinal();
    }
}
