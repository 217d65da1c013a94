package dev.qide.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.project.FileContent;
import dev.qide.project.ProjectAccess;
import dev.qide.project.ProjectPermission;
import dev.qide.run.RunLanguage;
import dev.qide.run.RunService;
import dev.qide.web.HttpProblem;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The editor page: Monaco, the file tree, tabs, history and the run panel. The page is rendered once; everything
 * after that goes through the JSON API ({@code /api/projects/...}) that scripts use too.
 */
@Path(Routes.EDITOR + "/{projectId}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EditorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(EditorView view);
    }

    /** The page, and the settings its script reads from {@code data-editor-config}. */
    public record EditorView(
            ProjectAccess.Granted granted, SignedInUser user, boolean historyEnabled, String configJson) {}

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

    private final ProjectAccess access;
    private final Entitlements entitlements;
    private final RunService runs;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    EditorResource(
            ProjectAccess access,
            Entitlements entitlements,
            RunService runs,
            CurrentUser currentUser,
            ObjectMapper json) {
        this.access = access;
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
        String refusal = runsRefusal(plan, granted);
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
        return Templates.editor(new EditorView(granted, user, history, json.writeValueAsString(config)));
    }

    /** Why the Run button cannot run here, or null when it can. */
    private String runsRefusal(Entitlements.WorkspaceEntitlements plan, ProjectAccess.Granted granted) {
        Optional<HttpProblem> refusal = runs.refusal(plan);
        if (refusal.isPresent() && refusal.get().status() == 403) {
            return refusal.get().detail();
        }
        if (!granted.canEdit()) {
            return "You can view this project but not run its code.";
        }
        return refusal.map(HttpProblem::detail).orElse(null);
    }
}
