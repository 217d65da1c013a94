package dev.qide.run;

import dev.qide.identity.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Entitlements.WorkspaceEntitlements;
import dev.qide.plan.Feature;
import dev.qide.plan.Limit;
import dev.qide.plan.Quantity;
import dev.qide.project.Project;
import dev.qide.project.ProjectAccess;
import dev.qide.project.ProjectFile;
import dev.qide.project.ProjectPermission;
import dev.qide.ratelimit.RateLimit;
import dev.qide.ratelimit.RateLimiter;
import dev.qide.web.HttpProblem;
import dev.qide.web.InvalidInputException;
import dev.qide.workspace.Workspace;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts code runs for people, within their plan: code execution must be included, a person starts at most 5 runs a
 * minute, and a workspace has at most its plan's number of runs going at once (counted in the database, so it holds across requests and replicas). Every
 * run is recorded; its live output is kept here while people watch it.
 */
@ApplicationScoped
public class RunService {

    /** How long a finished run's output stays available to watchers who connect late. */
    private static final Duration KEEP_FINISHED = Duration.ofMinutes(2);

    /** A run that has started: its id and language. */
    public record StartedRun(UUID id, RunLanguage language) {}

    private final Sandbox sandbox;
    private final SandboxConfig config;
    private final ProjectAccess access;
    private final Entitlements entitlements;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final Map<UUID, LiveRun> live = new ConcurrentHashMap<>();

    RunService(
            Sandbox sandbox,
            SandboxConfig config,
            ProjectAccess access,
            Entitlements entitlements,
            Clock clock,
            RateLimiter rateLimiter) {
        this.sandbox = sandbox;
        this.config = config;
        this.access = access;
        this.entitlements = entitlements;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
    }

    /** Runs a project's file with the project's other files beside it. */
    public StartedRun startProjectRun(SignedInUser user, UUID projectId, UUID fileId) {
        rateLimiter.check(RateLimit.CODE_RUNS, user.userId().toString());
        PreparedRun prepared = QuarkusTransaction.requiringNew().call(() -> {
            Project project = access.require(projectId, user.userId(), ProjectPermission.EDIT)
                    .project();
            ProjectFile entry = ProjectFile.findIn(projectId, fileId)
                    .filter(file -> !file.folder)
                    .orElseThrow(() -> new HttpProblem(404, "That file does not exist in this project."));
            RunLanguage language = languageOf(entry.path);
            Map<String, String> files = new LinkedHashMap<>();
            ProjectFile.listOf(projectId).stream()
                    .filter(file -> !file.folder)
                    .forEach(file -> files.put(file.path, file.content));
            CodeRun run = reserve(project.workspaceId, projectId, user, entry.path, language);
            return new PreparedRun(run.id, new SandboxRequest(language, files, entry.path));
        });
        return launch(prepared);
    }

    /** Runs code sent straight to the API as a single file in the caller's current workspace, and waits for it. */
    public RunResult execute(
            SignedInUser user, String code, String languageId, Duration timeout, SandboxOutput output) {
        if (code == null) {
            throw InvalidInputException.of("code", "Send the code to run.");
        }
        RunLanguage language = RunLanguage.byId(languageId == null ? "" : languageId.strip())
                .orElseThrow(() -> InvalidInputException.of(
                        "language", "Choose one of the languages listed by GET /api/code/languages."));
        rateLimiter.check(RateLimit.CODE_RUNS, user.userId().toString());
        String entry = "main" + language.extensions().getFirst();
        PreparedRun prepared = QuarkusTransaction.requiringNew().call(() -> {
            CodeRun run = reserve(user.workspaceId(), null, user, entry, language);
            return new PreparedRun(run.id, new SandboxRequest(language, Map.of(entry, code), entry, timeout));
        });
        StartedRun started = launch(prepared);
        CompletableFuture<RunResult> done = new CompletableFuture<>();
        live.get(started.id()).watch(new LiveRun.Watcher() {
            @Override
            public void output(OutputChunk chunk) {
                if (output != null) {
                    output.accept(chunk);
                }
            }

            @Override
            public void ended(RunResult result) {
                done.complete(result);
            }
        });
        return done.join();
    }

    /** A project's latest runs, newest first, for people who can open it. */
    public List<CodeRun> recent(SignedInUser user, UUID projectId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            access.require(projectId, user.userId(), ProjectPermission.VIEW);
            return CodeRun.recentOf(projectId, 20);
        });
    }

    /** The record of a run the caller may see: their own, or one of a project they can open. */
    public CodeRun find(SignedInUser user, UUID runId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            CodeRun run = CodeRun.<CodeRun>findByIdOptional(runId).orElseThrow(RunService::notFound);
            if (run.projectId != null) {
                try {
                    access.require(run.projectId, user.userId(), ProjectPermission.VIEW);
                } catch (HttpProblem hidden) {
                    throw notFound();
                }
            } else if (!user.userId().equals(run.userId)) {
                throw notFound();
            }
            return run;
        });
    }

    /** Stops a run; anyone who may edit its project (or who started it) may. */
    public void stop(SignedInUser user, UUID runId) {
        CodeRun run = find(user, runId);
        if (run.projectId != null && !user.userId().equals(run.userId)) {
            access.require(run.projectId, user.userId(), ProjectPermission.EDIT);
        }
        LiveRun running = live.get(runId);
        if (running != null) {
            running.stop();
        }
    }

    /** The live run on this server, while it runs and shortly after. */
    Optional<LiveRun> live(UUID runId) {
        return Optional.ofNullable(live.get(runId));
    }

    private record PreparedRun(UUID runId, SandboxRequest request) {}

    private StartedRun launch(PreparedRun prepared) {
        UUID runId = prepared.runId();
        LiveRun running = new LiveRun();
        live.put(runId, running);
        SandboxRun handle;
        try {
            handle = sandbox.start(prepared.request(), running);
        } catch (SandboxUnavailableException | IllegalArgumentException e) {
            RunResult failed = RunResult.failedToStart(e.getMessage());
            record(runId, failed);
            running.end(failed);
            forgetLater(runId);
            throw new HttpProblem(e instanceof SandboxUnavailableException ? 503 : 422, e.getMessage());
        }
        running.attach(handle);
        handle.result().whenComplete((result, error) -> {
            RunResult ended = result != null
                    ? result
                    : RunResult.failedToStart("The run failed inside the sandbox; it was recorded for the operators.");
            if (error != null) {
                Log.errorf(error, "Run %s failed inside the sandbox", runId);
            }
            record(runId, ended);
            running.end(ended);
            forgetLater(runId);
        });
        return new StartedRun(runId, prepared.request().language());
    }

    /**
     * Why the workspace cannot run code at all: its plan leaves code execution out (403), or this server cannot
     * sandbox (503). Empty when it can; the run slots are checked when a run starts.
     */
    public Optional<HttpProblem> refusal(WorkspaceEntitlements plan) {
        if (!plan.may(Feature.CODE_EXECUTION)) {
            return Optional.of(new HttpProblem(
                    403, "Running code is part of the Pro plan and above. Upgrade to run your files in a sandbox."));
        }
        return sandbox.unavailableReason().map(reason -> new HttpProblem(503, reason));
    }

    /** Checks the plan and takes one of the workspace's run slots, atomically, recording the run as RUNNING. */
    private CodeRun reserve(UUID workspaceId, UUID projectId, SignedInUser user, String entry, RunLanguage language) {
        WorkspaceEntitlements plan = entitlements.of(workspaceId).orElseThrow();
        refusal(plan).ifPresent(problem -> {
            throw problem;
        });
        // The workspace row lock makes count-then-insert one step for every request and replica.
        Workspace.findById(workspaceId, LockModeType.PESSIMISTIC_WRITE);
        Limit limit = plan.limit(Quantity.CONCURRENT_RUNS);
        long running = CodeRun.countRunning(workspaceId);
        if (!limit.allows(running + 1)) {
            throw new HttpProblem(
                    429,
                    "This workspace already has " + running + " run" + (running == 1 ? "" : "s")
                            + " going, the most its plan allows at once (" + limit.display()
                            + "). Stop one or wait for it to finish.");
        }
        CodeRun run = CodeRun.start(workspaceId, projectId, user.userId(), entry, language, clock.instant());
        run.persist();
        return run;
    }

    private void record(UUID runId, RunResult result) {
        QuarkusTransaction.requiringNew()
                .run(() -> CodeRun.<CodeRun>findByIdOptional(runId).ifPresent(run -> run.end(result, clock.instant())));
    }

    private void forgetLater(UUID runId) {
        CompletableFuture.delayedExecutor(KEEP_FINISHED.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> live.remove(runId));
    }

    /**
     * Runs still marked RUNNING long after any run could have ended were lost with a server restart; they are closed
     * so they no longer hold the workspace's run slots. Safe to run late, twice, or on several replicas.
     */
    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeLostRuns() {
        Duration grace = config.maxTimeout().plusMinutes(1);
        QuarkusTransaction.requiringNew().run(() -> {
            for (CodeRun run : CodeRun.runningSince(clock.instant().minus(grace))) {
                if (!live.containsKey(run.id)) {
                    run.status = RunStatus.INTERRUPTED;
                    run.message = "The server restarted while this run was going.";
                    run.endedAt = clock.instant();
                }
            }
        });
    }

    void closeLostRunsAtStart(@Observes StartupEvent start) {
        closeLostRuns();
    }

    private static RunLanguage languageOf(String path) {
        return RunLanguage.forFileName(path)
                .orElseThrow(() -> InvalidInputException.of(
                        "file",
                        "\u201c" + path + "\u201d cannot be run: Q-IDE runs Python (.py), JavaScript (.js) and"
                                + " shell (.sh) files."));
    }

    private static HttpProblem notFound() {
        return new HttpProblem(404, "That run does not exist.");
    }
}
