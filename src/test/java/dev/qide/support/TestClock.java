package dev.qide.support;

import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests. It runs in real time from where the suite starts it: now, or the instant in
 * {@code test.clock.start} (e.g. {@code -Dtest.clock.start=2041-07-15T12:00:00Z}), so the whole suite can
 * be run on another day than today and show that no test depends on the calendar. Tests move it across days without
 * waiting ({@link #set}, {@link #advance}) and put it back with {@link #reset()}; they choose their dates relative to
 * {@link #today()}, never as fixed calendar dates.
 */
@Mock
@Singleton
public class TestClock extends Clock {

    /** The system property that starts the clock on another day (surefire passes Maven's -D properties on). */
    public static final String START_SETTING = "test.clock.start";

    private final Duration startOffset;
    private final AtomicReference<Duration> offset;
    private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

    public TestClock() {
        startOffset = Optional.ofNullable(System.getProperty(START_SETTING))
                .filter(start -> !start.isBlank())
                .map(start -> Duration.between(Instant.now(), Instant.parse(start.strip())))
                .orElse(Duration.ZERO);
        offset = new AtomicReference<>(startOffset);
        if (!startOffset.isZero()) {
            Log.infof("The application clock starts at %s (%s)", instant(), START_SETTING);
        }
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
        stoppedAt.updateAndGet(stopped -> stopped == null ? null : stopped.plus(duration));
    }

    /** Moves the clock to {@code instant}; from there it runs on in real time. */
    public void set(Instant instant) {
        stoppedAt.set(null);
        offset.set(Duration.between(Instant.now(), instant));
    }

    /**
     * Stops the clock where it is: only {@link #advance} moves it until {@link #reset()} or {@link #set}. For tests
     * whose steps must happen within one instant however slowly the machine runs them (a rate limit's window).
     */
    public void stop() {
        stoppedAt.set(instant());
    }

    /** Puts the clock back where the suite runs it, running. */
    public void reset() {
        stoppedAt.set(null);
        offset.set(startOffset);
    }

    /** Now on the application's clock, for code that has no clock injected (fixtures, fakes). */
    public static Instant now() {
        return Arc.container().instance(TestClock.class).get().instant();
    }

    /** Today's date (UTC) on the application's clock. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt.get();
        return stopped != null ? stopped : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application works in UTC");
    }
}
