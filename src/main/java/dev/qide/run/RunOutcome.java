package dev.qide.run;

/** How a run ended. */
public enum RunOutcome {
    /** The program exited by itself, with whatever exit code. */
    COMPLETED,
    /** The program ran longer than its time limit and was killed. */
    TIMED_OUT,
    /** The program used more memory than allowed and was killed. */
    MEMORY_LIMIT,
    /** The program tried to run more processes or threads at once than allowed and was killed. */
    PROCESS_LIMIT,
    /** The program wrote more output than allowed; the output was cut and the program killed. */
    OUTPUT_LIMIT,
    /** Someone stopped the run. */
    STOPPED,
    /** The program never ran, e.g. its interpreter is not installed. */
    FAILED_TO_START
}
