package dev.qide.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.project.FileContent;
import dev.qide.project.FileService;
import dev.qide.project.FileVersion;
import dev.qide.project.ProjectAccess;
import dev.qide.project.ProjectPermission;
import dev.qide.run.RunLanguage;
import dev.qide.run.RunService;
import dev.qide.web.Htmx;
import dev.qide.web.HttpProblem;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The editor page: Monaco, the file tree, tabs, history and the run panel. The file tree and a file's history are
 * fragments of the page that its scripts fetch again after a change; files themselves go through the JSON API
 * ({@code /api/projects/...}) that scripts use too.
 */
@Path(Routes.EDITOR + "/{projectId}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EditorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(EditorView view);

        static native TemplateInstance editor$tree(FileTree tree, boolean canEdit);

        static native TemplateInstance editor$history(HistoryView history);
    }

    /** The page, its file tree, and the settings its script reads from {@code data-editor-config}. */
    public record EditorView(
            ProjectAccess.Granted granted,
            SignedInUser user,
            boolean historyEnabled,
            FileTree tree,
            String configJson,
            RunGate run) {}

    /**
     * Why Run is off before anyone clicks it (null {@code reason}: it is on); {@code upgrade} when a plan with code
     * execution would switch it on.
     */
    public record RunGate(String reason, boolean upgrade) {}

    /** One file's saved versions, newest first, for the history panel. */
    public record HistoryView(boolean canEdit, List<VersionRow> versions) {}

    /** A saved version as the history panel lists it. */
    public record VersionRow(UUID id, int revision, String authorName, boolean autosave, Instant updatedAt) {}

    /** What editor.js needs to know about this project and plan (snake_case JSON). */
    record EditorConfig(
            UUID projectId,
            String projectName,
            boolean canEdit,
            boolean historyEnabled,
            boolean runsEnabled,
            String runsRefusal,
            List<RunnableLanguage> runLanguages,
            int maxFileBytes) {}

    record RunnableLanguage(String id, String name, List<String> extensions) {}

    private static final String DELETED_USER = "Deleted user";

    private final ProjectAccess access;
    private final FileService files;
    private final Entitlements entitlements;
    private final RunService runs;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    EditorResource(
            ProjectAccess access,
            FileService files,
            Entitlements entitlements,
            RunService runs,
            CurrentUser currentUser,
            ObjectMapper json) {
        this.access = access;
        this.files = files;
        this.entitlements = entitlements;
        this.runs = runs;
        this.currentUser = currentUser;
        this.json = json;
    }

    @GET
    public TemplateInstance page(UUID projectId) throws JsonProcessingException {
        SignedInUser user = currentUser.require();
        ProjectAccess.Granted granted = access.require(projectId, user.userId(), ProjectPermission.VIEW);
        Entitlements.WorkspaceEntitlements plan =
                entitlements.of(granted.project().workspaceId).orElseThrow();
        boolean history = plan.may(Feature.VERSION_HISTORY);
        RunGate gate = runGate(plan, granted);
        // The script's notice may say more than the button's caption: what upgrading gives.
        String refusal =
                gate.upgrade() ? runs.refusal(plan).map(HttpProblem::detail).orElse(gate.reason()) : gate.reason();
        EditorConfig config = new EditorConfig(
                projectId,
                granted.project().name,
                granted.canEdit(),
                history,
                refusal == null,
                refusal,
                Arrays.stream(RunLanguage.values())
                        .map(language ->
                                new RunnableLanguage(language.id(), language.displayName(), language.extensions()))
                        .toList(),
                FileContent.MAX_BYTES);
        FileTree tree = FileTree.of(files.tree(user, projectId));
        return Templates.editor(new EditorView(granted, user, history, tree, json.writeValueAsString(config), gate));
    }

    /** The file tree alone, for htmx after a change; a browser that asks for it is sent to the editor. */
    @GET
    @Path("tree")
    public Response tree(UUID projectId, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        ProjectAccess.Granted granted = access.require(projectId, user.userId(), ProjectPermission.VIEW);
        if (!Htmx.wantsFragment(headers)) {
            return toEditor(projectId);
        }
        FileTree tree = FileTree.of(files.tree(user, projectId));
        return Response.ok(Templates.editor$tree(tree, granted.canEdit())).build();
    }

    /** A file's history (plans with version history only), for htmx; a browser that asks for it is sent to the editor. */
    @GET
    @Path("files/{fileId}/history")
    public Response history(UUID projectId, UUID fileId, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        ProjectAccess.Granted granted = access.require(projectId, user.userId(), ProjectPermission.VIEW);
        List<FileVersion.Entry> versions = files.versions(user, projectId, fileId);
        if (!Htmx.wantsFragment(headers)) {
            return toEditor(projectId);
        }
        Map<UUID, String> authors =
                files.namesOf(versions.stream().map(FileVersion.Entry::authorId).toList());
        List<VersionRow> rows = versions.stream()
                .map(version -> new VersionRow(
                        version.id(),
                        version.revision(),
                        authors.getOrDefault(version.authorId(), DELETED_USER),
                        version.autosave(),
                        version.updatedAt()))
                .toList();
        return Response.ok(Templates.editor$history(new HistoryView(granted.canEdit(), rows)))
                .build();
    }

    private static Response toEditor(UUID projectId) {
        return Response.seeOther(URI.create(Routes.editor(projectId))).build();
    }

    /** Why the Run button cannot run here, or null when it can. */
    private RunGate runGate(Entitlements.WorkspaceEntitlements plan, ProjectAccess.Granted granted) {
        if (!plan.may(Feature.CODE_EXECUTION)) {
            return new RunGate("The " + plan.plan().name() + " plan does not include code execution.", true);
        }
        if (!granted.canEdit()) {
            return new RunGate("You can view this project but not run its code.", false);
        }
        return new RunGate(runs.refusal(plan).map(HttpProblem::detail).orElse(null), false);
    }
}
