package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunLimitsTest {

    private final RunLimits limits = new RunLimits(Duration.ofSeconds(30), 512L << 20, 64, 1.0, 1 << 20);

    @Test
    void saysWhichLimitEndedARun() {
        assertThat(limits.describe(RunOutcome.TIMED_OUT, 137)).isEqualTo("Stopped after 30 s: the time limit.");
        assertThat(limits.describe(RunOutcome.MEMORY_LIMIT, 137))
                .isEqualTo("Stopped: the program used more than 512 MiB of memory.");
        assertThat(limits.describe(RunOutcome.PROCESS_LIMIT, 137))
                .isEqualTo("Stopped: the program tried to run more than 64 processes or threads at once.");
        assertThat(limits.describe(RunOutcome.OUTPUT_LIMIT, 137))
                .isEqualTo("Output cut at 1 MiB; the program was stopped.");
        assertThat(limits.describe(RunOutcome.STOPPED, 137)).isEqualTo("Stopped before it finished.");
    }

    @Test
    void saysHowAProgramExited() {
        assertThat(limits.describe(RunOutcome.COMPLETED, 0)).isEqualTo("Exited with code 0.");
        assertThat(limits.describe(RunOutcome.COMPLETED, 1)).isEqualTo("Exited with code 1.");
        assertThat(limits.describe(RunOutcome.COMPLETED, 139)).isEqualTo("Exited with code 139 (killed by signal 11).");
    }

    @Test
    void showsSizesAndTimesTheWayPeopleReadThem() {
        assertThat(RunLimits.bytes(1L << 30)).isEqualTo("1 GiB");
        assertThat(RunLimits.bytes(3L << 19)).isEqualTo("1.5 MiB");
        assertThat(RunLimits.bytes(64 << 10)).isEqualTo("64 KiB");
        assertThat(RunLimits.bytes(700)).isEqualTo("700 bytes");
        assertThat(new RunLimits(Duration.ofMillis(2500), 1, 1, 1.0, 1).describe(RunOutcome.TIMED_OUT, 137))
                .isEqualTo("Stopped after 2.5 s: the time limit.");
    }
}
