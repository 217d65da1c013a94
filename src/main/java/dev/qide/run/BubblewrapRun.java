package dev.qide.run;

import io.quarkus.logging.Log;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One program running in bubblewrap. A virtual thread per output stream reads it; a supervising virtual thread
 * watches the time limit and the cgroup's counters, kills the run when a limit is hit, then cleans up and completes
 * the result.
 */
final class BubblewrapRun implements SandboxRun {

    /** How often the supervisor checks the clock and the memory and process counters. */
    private static final long CHECK_INTERVAL_MILLIS = 50;

    /** How long the output readers get to finish once every process has gone. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final long startNanos;
    private final RunCgroup cgroup;
    private final RunLimits limits;
    private final OutputCapture output;
    /** Why the run ended: the first limit or stop() to end it, or COMPLETED once it exited by itself. */
    private final AtomicReference<RunOutcome> ending = new AtomicReference<>();

    private final CompletableFuture<RunResult> result = new CompletableFuture<>();

    private BubblewrapRun(String name, Process process, RunCgroup cgroup, RunLimits limits, SandboxOutput listener) {
        this.name = name;
        this.process = process;
        this.startNanos = System.nanoTime();
        this.cgroup = cgroup;
        this.limits = limits;
        this.output = new OutputCapture(limits.outputBytes(), listener, () -> end(RunOutcome.OUTPUT_LIMIT));
    }

    static BubblewrapRun start(
            String name,
            List<String> command,
            RunCgroup cgroup,
            ProjectArchive project,
            RunLimits limits,
            SandboxOutput listener)
            throws IOException {
        // Started in the root folder, which any run user may enter; the program's working folder is set inside.
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File("/"));
        // bubblewrap's own process shows inside the sandbox as /proc/1, environment included: give it none.
        builder.environment().clear();
        BubblewrapRun run = new BubblewrapRun(name, builder.start(), cgroup, limits, listener);
        Thread.ofVirtual().name("sandbox-" + name + "-files").start(() -> run.sendFiles(project));
        Thread.ofVirtual().name("sandbox-" + name).start(run::supervise);
        return run;
    }

    /** Sends the project's files to the sandbox, which unpacks them from its standard input before the program runs. */
    private void sendFiles(ProjectArchive project) {
        try (OutputStream in = process.getOutputStream()) {
            project.writeTo(in);
        } catch (IOException e) {
            // The run ended (or failed to start) before it took them all; its result says why.
            Log.debugf(e, "Sandbox run %s did not take all its files", name);
        }
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return result;
    }

    @Override
    public void stop() {
        end(RunOutcome.STOPPED);
    }

    /** Kills the run for the given reason, unless it already ended. */
    private void end(RunOutcome reason) {
        if (ending.compareAndSet(null, reason)) {
            // Killing bubblewrap kills the sandbox's pid 1 (--die-with-parent), which takes its whole pid namespace
            // along; killing the cgroup's members as well leaves nothing to chance.
            process.destroyForcibly();
            cgroup.killAll();
        }
    }

    private void supervise() {
        RunResult ended = null;
        Throwable failure = null;
        try {
            ended = awaitResult();
        } catch (Throwable e) {
            failure = e;
            end(RunOutcome.STOPPED);
        } finally {
            cgroup.remove();
        }
        if (failure == null) {
            result.complete(ended);
        } else {
            Log.errorf(failure, "Sandbox run %s failed", name);
            result.completeExceptionally(failure);
        }
    }

    private RunResult awaitResult() throws InterruptedException {
        Thread stdout = pump(process.getInputStream(), OutputChunk.Stream.STDOUT);
        Thread stderr = pump(process.getErrorStream(), OutputChunk.Stream.STDERR);
        int exitCode = awaitExit();
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        cgroup.killAll();
        if (!stdout.join(DRAIN_TIMEOUT) || !stderr.join(DRAIN_TIMEOUT)) {
            Log.warnf("Sandbox run %s: output still open after all its processes ended", name);
        }
        RunOutcome outcome = outcome();
        return new RunResult(
                outcome, exitCode, limits.describe(outcome, exitCode), duration, output.text(), output.truncated());
    }

    private int awaitExit() throws InterruptedException {
        long timeoutNanos = limits.timeout().toNanos();
        while (!process.waitFor(CHECK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() - startNanos >= timeoutNanos) {
                end(RunOutcome.TIMED_OUT);
            } else if (cgroup.ranOutOfMemory()) {
                end(RunOutcome.MEMORY_LIMIT);
            } else if (cgroup.reachedProcessLimit()) {
                end(RunOutcome.PROCESS_LIMIT);
            }
        }
        ending.compareAndSet(null, RunOutcome.COMPLETED);
        return process.exitValue();
    }

    /** Why the run ended; a limit the kernel enforced between two checks counts even if the program then exited. */
    private RunOutcome outcome() {
        RunOutcome reason = ending.get();
        if (reason != RunOutcome.COMPLETED) {
            return reason;
        }
        if (cgroup.ranOutOfMemory()) {
            return RunOutcome.MEMORY_LIMIT;
        }
        if (cgroup.reachedProcessLimit()) {
            return RunOutcome.PROCESS_LIMIT;
        }
        return RunOutcome.COMPLETED;
    }

    private Thread pump(InputStream stream, OutputChunk.Stream which) {
        return Thread.ofVirtual()
                .name("sandbox-" + name + "-" + which.name().toLowerCase(Locale.ROOT))
                .start(() -> output.pump(stream, which));
    }
}
