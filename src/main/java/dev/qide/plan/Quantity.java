package dev.qide.plan;

import io.quarkus.qute.TemplateEnum;

/** Amounts a plan caps. Daily and monthly quantities reset; the others are standing limits. */
@TemplateEnum
public enum Quantity {
    API_CALLS_PER_DAY,
    REQUESTS_PER_MINUTE,
    LLM_REQUESTS_PER_DAY,
    PLATFORM_TOKENS_PER_MONTH,
    STORAGE_BYTES,
    CONCURRENT_RUNS,
    API_KEYS,
    TEAM_MEMBERS,
    LOG_RETENTION_DAYS
}
