package dev.qide.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A model of the catalog: its provider id, the name people know, its context window and prices per million tokens. */
public record LlmModel(
        String id,
        String name,
        int contextWindow,
        int maxOutputTokens,
        BigDecimal inputPricePerMillion,
        BigDecimal outputPricePerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** What {@code usage} costs in US dollars, to six decimals. */
    public BigDecimal cost(LlmUsage usage) {
        return inputPricePerMillion
                .multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(outputPricePerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }
}
