package dev.qide.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.run.RunViews.DoneEvent;
import dev.qide.run.RunViews.OutputEvent;
import dev.qide.run.RunViews.RunView;
import dev.qide.web.SseData;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.UUID;

/**
 * One run: follow its output as server-sent events ({@code output} events, then one {@code done}; JSON data, read
 * back exactly: {@link SseData}), stop it, read its record. Runs start at {@code POST /api/projects/{id}/runs}.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(ApiScope.RUNS)
@Authenticated
public class RunApiResource {

    private final RunService runs;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    RunApiResource(RunService runs, CurrentUser currentUser, ObjectMapper json) {
        this.runs = runs;
        this.currentUser = currentUser;
        this.json = json;
    }

    @GET
    @Path("{id}")
    public RunView get(UUID id) {
        return RunView.of(runs.find(currentUser.require(), id), true);
    }

    @POST
    @Path("{id}/stop")
    public Response stop(UUID id) {
        runs.stop(currentUser.require(), id);
        return Response.accepted().build();
    }

    /** The run's output as it is produced; a run that ended (or runs elsewhere) answers from its record. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> events(UUID id, @Context Sse sse) {
        SignedInUser user = currentUser.require();
        CodeRun record = runs.find(user, id);
        return runs.live(id)
                .map(running -> Multi.createFrom().<OutboundSseEvent>emitter(emitter -> stream(running, emitter, sse)))
                .orElseGet(() -> Multi.createFrom().items(replay(record, sse)));
    }

    private void stream(LiveRun running, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
        LiveRun.Watcher watcher = new LiveRun.Watcher() {
            @Override
            public void output(OutputChunk chunk) {
                emitter.emit(event(sse, "output", OutputEvent.of(chunk)));
            }

            @Override
            public void ended(RunResult result) {
                emitter.emit(event(sse, "done", DoneEvent.of(result)));
                emitter.complete();
            }
        };
        emitter.onTermination(() -> running.unwatch(watcher));
        running.watch(watcher);
    }

    private OutboundSseEvent[] replay(CodeRun record, Sse sse) {
        if (record.running()) {
            return new OutboundSseEvent[] {
                event(sse, "done", new DoneEvent("running", null, "This run is going on another server.", 0, false))
            };
        }
        String output = record.output == null ? "" : record.output;
        return new OutboundSseEvent[] {
            event(sse, "output", new OutputEvent("stdout", output)), event(sse, "done", DoneEvent.of(record))
        };
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder()
                    .name(name)
                    .data(SseData.of(json.writeValueAsString(data)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Run events are plain records", e);
        }
    }
}
