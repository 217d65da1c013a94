package dev.qide.run;

import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.run.RunViews.RunView;
import dev.qide.run.RunViews.Started;
import dev.qide.web.InvalidInputException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** Running a project's file ({@code 202} with the run's id; its output streams from {@code /api/runs/{id}/events}). */
@Path("/api/projects/{projectId}/runs")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(ApiScope.RUNS)
@Authenticated
public class ProjectRunApiResource {

    /** Which file of the project to run. */
    public record RunRequest(UUID fileId) {}

    private final RunService runs;
    private final CurrentUser currentUser;

    ProjectRunApiResource(RunService runs, CurrentUser currentUser) {
        this.runs = runs;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(UUID projectId, RunRequest request) {
        if (request == null || request.fileId() == null) {
            throw InvalidInputException.of("file_id", "Send the id of the file to run (file_id).");
        }
        RunService.StartedRun started = runs.startProjectRun(currentUser.require(), projectId, request.fileId());
        return Response.accepted(Started.of(started)).build();
    }

    /** The project's latest runs, newest first. */
    @GET
    public List<RunView> recent(UUID projectId) {
        return runs.recent(currentUser.require(), projectId).stream()
                .map(run -> RunView.of(run, false))
                .toList();
    }
}
