package dev.qide.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A run in progress on this server, for the people watching it: the output so far (bounded by the sandbox's output
 * cap), the listeners that stream it, and the result once it ends. Someone who starts watching late gets the output
 * so far first, then the rest as it comes.
 */
final class LiveRun implements SandboxOutput {

    /** Someone watching a run: its output as it comes, then how it ended. */
    interface Watcher {
        void output(OutputChunk chunk);

        void ended(RunResult result);
    }

    private final List<OutputChunk> sofar = new ArrayList<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private SandboxRun handle;
    private RunResult result;

    synchronized void attach(SandboxRun handle) {
        this.handle = handle;
    }

    @Override
    public synchronized void accept(OutputChunk chunk) {
        sofar.add(chunk);
        watchers.forEach(watcher -> watcher.output(chunk));
    }

    synchronized void end(RunResult ended) {
        result = ended;
        watchers.forEach(watcher -> watcher.ended(ended));
        watchers.clear();
    }

    /** Starts streaming to {@code watcher}: everything so far at once, then the rest as it comes. */
    synchronized void watch(Watcher watcher) {
        sofar.forEach(watcher::output);
        if (result != null) {
            watcher.ended(result);
        } else {
            watchers.add(watcher);
        }
    }

    synchronized void unwatch(Watcher watcher) {
        watchers.remove(watcher);
    }

    void stop() {
        SandboxRun run;
        synchronized (this) {
            run = handle;
        }
        if (run != null) {
            run.stop();
        }
    }
}
