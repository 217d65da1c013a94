package dev.qide.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class whose subject is time: periods, expiry, schedules, dated records. CI runs these classes again
 * with the {@link TestClock} started on far-apart days, in another time zone and locale, to show that they pass
 * whatever day they run on ({@code -Dincluded.test.groups=clock -Dtest.clock.start=...}, see .ci/run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("clock")
public @interface ClockSensitive {}
