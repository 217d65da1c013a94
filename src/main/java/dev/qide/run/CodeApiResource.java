package dev.qide.run;

import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.run.RunViews.Execution;
import dev.qide.run.RunViews.Language;
import dev.qide.web.InvalidInputException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Running a snippet without a project: {@code POST /api/code/execute}, and the languages it takes. */
@Path("/api/code")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(ApiScope.RUNS)
@Authenticated
public class CodeApiResource {

    /** Code, its language id and an optional timeout in seconds (at most the server's maximum). */
    public record ExecuteRequest(String code, String language, Integer timeout) {}

    private final RunService runs;
    private final SandboxConfig config;
    private final CurrentUser currentUser;

    CodeApiResource(RunService runs, SandboxConfig config, CurrentUser currentUser) {
        this.runs = runs;
        this.config = config;
        this.currentUser = currentUser;
    }

    @GET
    @Path("languages")
    public List<Language> languages() {
        return Arrays.stream(RunLanguage.values()).map(Language::of).toList();
    }

    @POST
    @Path("execute")
    @Consumes(MediaType.APPLICATION_JSON)
    public Execution execute(ExecuteRequest request) {
        if (request == null) {
            throw InvalidInputException.of("code", "Send the code to run and its language.");
        }
        long maxSeconds = config.maxTimeout().toSeconds();
        if (request.timeout() != null && (request.timeout() < 1 || request.timeout() > maxSeconds)) {
            throw InvalidInputException.of("timeout", "The timeout is in seconds, from 1 to " + maxSeconds + ".");
        }
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        RunResult result = runs.execute(
                currentUser.require(),
                request.code(),
                request.language(),
                request.timeout() == null ? null : Duration.ofSeconds(request.timeout()),
                chunk -> (chunk.stream() == OutputChunk.Stream.STDERR ? stderr : stdout).append(chunk.text()));
        return new Execution(
                stdout.toString(),
                stderr.toString(),
                result.outcome() == RunOutcome.FAILED_TO_START ? null : result.exitCode(),
                result.duration().toMillis(),
                RunStatus.of(result.outcome()).name().toLowerCase(Locale.ROOT),
                result.message(),
                result.outputTruncated());
    }
}
