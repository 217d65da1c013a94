package dev.qide.run;

import java.util.concurrent.CompletableFuture;

/** A started run: its result once it ends, and the means to end it early. */
public interface SandboxRun {

    /**
     * Completes once the program and everything it started have ended and the run's cgroups are removed. Only an
     * unexpected internal error completes it exceptionally.
     */
    CompletableFuture<RunResult> result();

    /** Kills the program and every process it started, at once; the outcome is STOPPED unless it had already ended. */
    void stop();

    /** A run that ended before it began, e.g. one that failed to start. */
    static SandboxRun ended(RunResult result) {
        CompletableFuture<RunResult> completed = CompletableFuture.completedFuture(result);
        return new SandboxRun() {
            @Override
            public CompletableFuture<RunResult> result() {
                return completed;
            }

            @Override
            public void stop() {}
        };
    }
}
