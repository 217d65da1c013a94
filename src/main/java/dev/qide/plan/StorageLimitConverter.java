package dev.qide.plan;

import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.Converter;

/** Reads a storage limit: a whole number of bytes with an optional binary suffix (K, M, G, T), or {@code unlimited}. */
public class StorageLimitConverter implements Converter<Limit> {

    private static final Map<Character, Long> MULTIPLIERS =
            Map.of('K', 1L << 10, 'M', 1L << 20, 'G', 1L << 30, 'T', 1L << 40);

    @Override
    public Limit convert(String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        if (text.equals("UNLIMITED")) {
            return Limit.UNLIMITED;
        }
        if (!text.matches("\\d{1,12}[KMGT]?")) {
            throw new IllegalArgumentException(
                    "Expected a size such as 512M, 100G or 1T, or 'unlimited', got '" + value + "'");
        }
        char last = text.charAt(text.length() - 1);
        long multiplier = MULTIPLIERS.getOrDefault(last, 1L);
        String digits = Character.isDigit(last) ? text : text.substring(0, text.length() - 1);
        return Limit.of(Math.multiplyExact(Long.parseLong(digits), multiplier));
    }

    /** Formats a byte amount the way the pricing page shows it: "0.5 GB", "100 GB", "1 TB". */
    public static String display(Limit limit) {
        if (limit.unlimited()) {
            return "Unlimited";
        }
        double gib = limit.amount() / (double) (1L << 30);
        if (gib >= 1024) {
            return trim(gib / 1024) + " TB";
        }
        if (gib >= 0.1) {
            return trim(gib) + " GB";
        }
        return trim(limit.amount() / (double) (1L << 20)) + " MB";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.US, "%.1f", value);
    }
}
