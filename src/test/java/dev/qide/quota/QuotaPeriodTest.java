package dev.qide.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.ClockSensitive;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Where periods start and end: UTC days, and months anchored on a day (clamped in short months). */
@ClockSensitive
class QuotaPeriodTest {

    @Test
    void aDayRunsFromMidnightToMidnightUtc() {
        Instant late = Instant.parse("2026-11-22T23:59:59Z");
        assertThat(QuotaPeriod.DAILY.startOf(late, 1)).isEqualTo(LocalDate.parse("2026-11-22"));
        assertThat(QuotaPeriod.DAILY.resetAfter(LocalDate.parse("2026-11-22"), 1))
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(QuotaPeriod.DAILY.startOf(Instant.parse("2026-11-23T00:00:00Z"), 1))
                .isEqualTo(LocalDate.parse("2026-11-23"));
    }

    @Test
    void aMonthStartsOnTheAnchorDay() {
        assertThat(QuotaPeriod.MONTHLY.startOf(Instant.parse("2026-11-14T10:00:00Z"), 15))
                .isEqualTo(LocalDate.parse("2026-10-15"));
        assertThat(QuotaPeriod.MONTHLY.startOf(Instant.parse("2026-11-15T00:00:00Z"), 15))
                .isEqualTo(LocalDate.parse("2026-11-15"));
        assertThat(QuotaPeriod.MONTHLY.resetAfter(LocalDate.parse("2026-11-15"), 15))
                .isEqualTo(Instant.parse("2026-12-15T00:00:00Z"));
    }

    @Test
    void anAnchorOnThe31stUsesTheLastDayOfShortMonths() {
        assertThat(QuotaPeriod.MONTHLY.startOf(Instant.parse("2027-02-28T12:00:00Z"), 31))
                .isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(QuotaPeriod.MONTHLY.startOf(Instant.parse("2027-02-27T12:00:00Z"), 31))
                .isEqualTo(LocalDate.parse("2027-01-31"));
        assertThat(QuotaPeriod.MONTHLY.resetAfter(LocalDate.parse("2027-01-31"), 31))
                .isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
        assertThat(QuotaPeriod.MONTHLY.resetAfter(LocalDate.parse("2027-02-28"), 31))
                .isEqualTo(Instant.parse("2027-03-31T00:00:00Z"));
    }
}
