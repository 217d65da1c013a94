package dev.qide.quota;

import dev.qide.plan.Quantity;
import io.quarkus.qute.TemplateEnum;
import java.util.Locale;

/** What a workspace consumes and is counted for, each in its own period: a UTC day or the workspace's month. */
@TemplateEnum
public enum Meter {
    API_CALLS("API calls", Quantity.API_CALLS_PER_DAY, QuotaPeriod.DAILY),
    LLM_REQUESTS("LLM requests", Quantity.LLM_REQUESTS_PER_DAY, QuotaPeriod.DAILY),
    PLATFORM_TOKENS("Platform-managed tokens", Quantity.PLATFORM_TOKENS_PER_MONTH, QuotaPeriod.MONTHLY);

    private final String label;
    private final Quantity quantity;
    private final QuotaPeriod period;

    Meter(String label, Quantity quantity, QuotaPeriod period) {
        this.label = label;
        this.quantity = quantity;
        this.period = period;
    }

    public String label() {
        return label;
    }

    /** The plan limit this meter counts against. */
    public Quantity quantity() {
        return quantity;
    }

    public QuotaPeriod period() {
        return period;
    }

    /** The id used in the API: {@code api_calls}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
