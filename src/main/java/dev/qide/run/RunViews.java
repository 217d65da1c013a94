package dev.qide.run;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What the JSON API answers about runs (snake_case on the wire). */
public final class RunViews {

    private RunViews() {}

    public record Started(UUID id, String language, String languageName, String status) {

        static Started of(RunService.StartedRun run) {
            return new Started(run.id(), run.language().id(), run.language().displayName(), "running");
        }
    }

    public record RunView(
            UUID id,
            UUID projectId,
            String entryFile,
            String language,
            String status,
            Integer exitCode,
            String message,
            Long durationMs,
            String output,
            boolean outputTruncated,
            Instant startedAt,
            Instant endedAt) {

        static RunView of(CodeRun run, boolean withOutput) {
            return new RunView(
                    run.id,
                    run.projectId,
                    run.entryFile,
                    run.language,
                    run.status.name().toLowerCase(Locale.ROOT),
                    run.exitCode,
                    run.message,
                    run.durationMs,
                    withOutput ? run.output : null,
                    run.outputTruncated,
                    run.startedAt,
                    run.endedAt);
        }
    }

    /** The answer of {@code POST /api/code/execute}: stdout, stderr, exit code and time in milliseconds. */
    public record Execution(
            String output,
            String error,
            Integer exitCode,
            long executionTime,
            String status,
            String message,
            boolean outputTruncated) {}

    public record Language(String id, String name, List<String> extensions) {

        static Language of(RunLanguage language) {
            return new Language(language.id(), language.displayName(), language.extensions());
        }
    }

    /** One piece of output in the run's event stream. */
    public record OutputEvent(String stream, String text) {

        static OutputEvent of(OutputChunk chunk) {
            return new OutputEvent(chunk.stream().name().toLowerCase(Locale.ROOT), chunk.text());
        }
    }

    /** The last event of a run's stream. */
    public record DoneEvent(String status, Integer exitCode, String message, long durationMs, boolean outputTruncated) {

        static DoneEvent of(RunResult result) {
            return new DoneEvent(
                    RunStatus.of(result.outcome()).name().toLowerCase(Locale.ROOT),
                    result.outcome() == RunOutcome.FAILED_TO_START ? null : result.exitCode(),
                    result.message(),
                    result.duration().toMillis(),
                    result.outputTruncated());
        }

        static DoneEvent of(CodeRun run) {
            return new DoneEvent(
                    run.status.name().toLowerCase(Locale.ROOT),
                    run.exitCode,
                    run.message,
                    run.durationMs == null ? 0 : run.durationMs,
                    run.outputTruncated);
        }
    }
}
