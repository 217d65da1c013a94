package dev.qide.web;

import java.util.Locale;

/** Byte counts as people read them: "812 B", "1.4 KB", "12 MB", "1.5 GB" (powers of 1024, like the pricing page). */
public final class ByteSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ByteSizes() {}

    public static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0 || value == Math.rint(value)) {
            return Math.round(value) + " " + UNITS[unit];
        }
        return String.format(Locale.US, "%.1f %s", value, UNITS[unit]);
    }
}
