package dev.qide.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the audit log writes times: always UTC, to the second, the same on the page and in the export. */
public final class AuditTimes {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AuditTimes() {}

    /** {@code 2026-03-01T10:15:30Z}, for machines (the export, a {@code <time datetime>}). */
    public static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 2026-03-01 10:15:30 UTC}, for people. */
    public static String readable(Instant instant) {
        return READABLE.format(instant);
    }
}
