package dev.qide.plan;

import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/** Reads a count limit from configuration: digits (underscores allowed as separators) or {@code unlimited}. */
public class LimitConverter implements Converter<Limit> {

    @Override
    public Limit convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("unlimited")) {
            return Limit.UNLIMITED;
        }
        String digits = text.replace("_", "");
        if (!digits.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("Expected a whole number or 'unlimited', got '" + value + "'");
        }
        return Limit.of(Long.parseLong(digits));
    }
}
