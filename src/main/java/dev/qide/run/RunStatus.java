package dev.qide.run;

/** Where a recorded run stands: still going, or how it ended (the sandbox's outcome, or lost with a restart). */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    TIMED_OUT,
    MEMORY_LIMIT,
    PROCESS_LIMIT,
    OUTPUT_LIMIT,
    STOPPED,
    FAILED_TO_START,
    /** The server stopped while the run was going, so its end was never seen. */
    INTERRUPTED;

    static RunStatus of(RunOutcome outcome) {
        return valueOf(outcome.name());
    }
}
