package dev.qide.run;

import java.time.Duration;
import java.util.Locale;

/**
 * The limits one run gets, and the sentences that tell people a limit ended their run.
 *
 * @param timeout wall-clock time
 * @param memoryBytes memory of all its processes together, files in its /tmp and working folder included
 * @param maxProcesses processes and threads at once
 * @param cpus cores' worth of CPU time its processes share
 * @param outputBytes stdout and stderr together
 */
record RunLimits(Duration timeout, long memoryBytes, int maxProcesses, double cpus, long outputBytes) {

    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;
    private static final long GIB = MIB * 1024;

    /** The message for a run that ended this way. */
    String describe(RunOutcome outcome, int exitCode) {
        return switch (outcome) {
            case COMPLETED ->
                exitCode > 128 && exitCode < 160
                        ? "Exited with code " + exitCode + " (killed by signal " + (exitCode - 128) + ")."
                        : "Exited with code " + exitCode + ".";
            case TIMED_OUT -> "Stopped after " + seconds(timeout) + ": the time limit.";
            case MEMORY_LIMIT -> "Stopped: the program used more than " + bytes(memoryBytes) + " of memory.";
            case PROCESS_LIMIT ->
                "Stopped: the program tried to run more than " + maxProcesses + " processes or threads at once.";
            case OUTPUT_LIMIT -> "Output cut at " + bytes(outputBytes) + "; the program was stopped.";
            case STOPPED -> "Stopped before it finished.";
            case FAILED_TO_START -> "The program could not be started.";
        };
    }

    /** A byte count the way people read it: "512 MiB", "1 GiB", "1.5 MiB", "700 bytes". */
    static String bytes(long count) {
        if (count >= GIB) {
            return number(count / (double) GIB) + " GiB";
        }
        if (count >= MIB) {
            return number(count / (double) MIB) + " MiB";
        }
        if (count >= KIB) {
            return number(count / (double) KIB) + " KiB";
        }
        return count + " bytes";
    }

    private static String seconds(Duration duration) {
        return number(duration.toMillis() / 1000.0) + " s";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
