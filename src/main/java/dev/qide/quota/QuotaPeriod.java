package dev.qide.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The periods meters count in. A period is named by the date it starts, so counting always lands in the period of
 * "now": a count never carries over, whether or not the roll-over job ran.
 */
public enum QuotaPeriod {
    /** A UTC day, from 00:00 to 00:00. */
    DAILY,
    /** A month starting on the workspace's anchor day (its last day in shorter months), at 00:00 UTC. */
    MONTHLY;

    /** The start of the period that holds {@code now}. */
    public LocalDate startOf(Instant now, int anchorDay) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (this == DAILY) {
            return today;
        }
        LocalDate thisMonths = anchored(YearMonth.from(today), anchorDay);
        return thisMonths.isAfter(today) ? anchored(YearMonth.from(today).minusMonths(1), anchorDay) : thisMonths;
    }

    /** When the period that started on {@code start} ends, and a fresh count begins. */
    public Instant resetAfter(LocalDate start, int anchorDay) {
        LocalDate next = this == DAILY
                ? start.plusDays(1)
                : anchored(YearMonth.from(start).plusMonths(1), anchorDay);
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** "today" or "this month", for messages. */
    public String phrase() {
        return this == DAILY ? "today" : "this month";
    }

    private static LocalDate anchored(YearMonth month, int anchorDay) {
        return month.atDay(Math.min(Math.max(anchorDay, 1), month.lengthOfMonth()));
    }
}
