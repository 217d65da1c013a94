package dev.qide.plan;

import io.quarkus.qute.TemplateEnum;

/** The five subscription plans, cheapest first. */
@TemplateEnum
public enum PlanId {
    FREE,
    PRO,
    PRO_PLUS,
    TEAMS,
    ENTERPRISE
}
