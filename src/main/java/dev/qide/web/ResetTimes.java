package dev.qide.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** When a limit resets, as people read it: "in 3 h 12 min", "00:00 UTC". */
public final class ResetTimes {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT);
    private static final DateTimeFormatter LATER = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH);

    private ResetTimes() {}

    /** "in 3 h 12 min", "in 45 s", "in 12 days". */
    public static String in(Instant now, Instant at) {
        Duration left = Duration.between(now, at);
        if (left.isNegative() || left.isZero()) {
            return "now";
        }
        if (left.toDays() >= 2) {
            return "in " + left.toDays() + " days";
        }
        if (left.toHours() >= 1) {
            return "in " + left.toHours() + " h " + left.toMinutesPart() + " min";
        }
        if (left.toMinutes() >= 1) {
            return "in " + left.toMinutes() + " min";
        }
        return "in " + left.toSeconds() + " s";
    }

    /** "00:00 UTC" within a day of {@code now}, else "1 Dec 00:00 UTC". */
    public static String clock(Instant now, Instant at) {
        return (Duration.between(now, at).toHours() < 24 ? TODAY : LATER).format(at.atZone(ZoneOffset.UTC));
    }
}
