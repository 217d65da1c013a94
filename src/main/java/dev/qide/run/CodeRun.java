package dev.qide.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The record of one code run: who ran what and when, how it ended, and the start of its output. */
@Entity
@Table(name = "code_run")
public class CodeRun extends PanacheEntityBase {

    /** How much of a run's output its record keeps. */
    public static final int RECORDED_OUTPUT_CHARS = 65536;

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    /** The project whose file ran; null for code sent straight to the API. */
    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "entry_file", nullable = false, length = 512)
    public String entryFile;

    @Column(nullable = false, length = 16)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RunStatus status;

    @Column(name = "exit_code")
    public Integer exitCode;

    @Column(length = 500)
    public String message;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(length = RECORDED_OUTPUT_CHARS)
    public String output;

    @Column(name = "output_truncated", nullable = false)
    public boolean outputTruncated;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public static CodeRun start(
            UUID workspaceId, UUID projectId, UUID userId, String entryFile, RunLanguage language, Instant now) {
        CodeRun run = new CodeRun();
        run.id = UUID.randomUUID();
        run.workspaceId = workspaceId;
        run.projectId = projectId;
        run.userId = userId;
        run.entryFile = entryFile;
        run.language = language.id();
        run.status = RunStatus.RUNNING;
        run.startedAt = now;
        return run;
    }

    /** Records how the run ended, keeping the first {@link #RECORDED_OUTPUT_CHARS} characters of its output. */
    public void end(RunResult result, Instant now) {
        status = RunStatus.of(result.outcome());
        exitCode = result.outcome() == RunOutcome.FAILED_TO_START ? null : result.exitCode();
        message = result.message() == null || result.message().length() <= 500
                ? result.message()
                : result.message().substring(0, 499) + "\u2026";
        durationMs = result.duration().toMillis();
        boolean cut = result.output().length() > RECORDED_OUTPUT_CHARS;
        output = cut ? result.output().substring(0, RECORDED_OUTPUT_CHARS) : result.output();
        outputTruncated = cut || result.outputTruncated();
        endedAt = now;
    }

    public boolean running() {
        return status == RunStatus.RUNNING;
    }

    /** Whether anyone has run code in the workspace (records the retention purge has not removed yet). */
    public static boolean anyIn(UUID workspaceId) {
        return count("workspaceId", workspaceId) > 0;
    }

    public static long countRunning(UUID workspaceId) {
        return count("workspaceId = ?1 and status = ?2", workspaceId, RunStatus.RUNNING);
    }

    public static List<CodeRun> runningSince(Instant cutoff) {
        return list("status = ?1 and startedAt < ?2", RunStatus.RUNNING, cutoff);
    }

    public static List<CodeRun> recentOf(UUID projectId, int count) {
        return find("projectId", Sort.descending("startedAt"), projectId)
                .page(0, count)
                .list();
    }
}
