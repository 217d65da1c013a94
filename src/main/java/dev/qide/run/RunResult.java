package dev.qide.run;

import java.time.Duration;

/**
 * How a run ended.
 *
 * @param outcome why it ended
 * @param exitCode the program's exit code; 128 + the signal when it was killed (137 for a kill), -1 when it never
 *     started
 * @param message a sentence for people, e.g. "Stopped after 30 s: the time limit." or "Exited with code 0."
 * @param duration from start to end
 * @param output stdout and stderr interleaved as they were read, up to the output cap
 * @param outputTruncated whether output beyond the cap was dropped
 */
public record RunResult(
        RunOutcome outcome, int exitCode, String message, Duration duration, String output, boolean outputTruncated) {

    public static RunResult failedToStart(String reason) {
        return new RunResult(RunOutcome.FAILED_TO_START, -1, reason, Duration.ZERO, "", false);
    }
}
