package dev.qide.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import dev.qide.web.StaticAssets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The editor's file tree and file history come from the server as fragments of the editor page: escaped, folders
 * first, actions only for people who may edit, 404 for everyone the project is not shared with.
 */
@QuarkusTest
class EditorFragmentsTest {

    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>.md";

    @Inject
    StaticAssets assets;

    private Browser owner;
    private String id;
    private String project;
    private String readme;

    @BeforeEach
    void signUpWithAProject() {
        owner = Browser.signedUp("Tree Owner");
        id = owner.createProject("Treehouse");
        project = "/api/projects/" + id;
        readme = owner.api().get(project + "/files").then().extract().path("[0].id");
        createFile("src/app.py", "print(1)\n");
        createFile(HOSTILE_NAME, "boo\n");
    }

    @Test
    void theTreeFragmentNestsFoldersFirstAndEscapesEveryName() {
        String tree = owner.htmx()
                .get("/editor/" + id + "/tree")
                .then()
                .statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(
                        not(containsString("<!DOCTYPE html>")),
                        not(containsString("Main navigation")),
                        containsString("data-path=\"src/app.py\""),
                        containsString("data-language=\"python\""),
                        containsString("data-icon=\"filetype-py\""),
                        containsString("role=\"group\""),
                        containsString("&lt;img src=x onerror=alert(1)&gt;.md"),
                        not(containsString("<img src=x")),
                        containsString("aria-label=\"Rename or move src/app.py\""),
                        containsString("aria-label=\"Delete src\""))
                .extract()
                .asString();
        assertThat(tree.indexOf("data-path=\"src\"")).isLessThan(tree.indexOf("data-path=\"README.md\""));
        assertThat(tree.indexOf("data-path=\"src\"")).isLessThan(tree.indexOf("data-path=\"src/app.py\""));
        // The editor opens the first file by path on arrival, the one the JSON API lists first.
        String first = owner.api().get(project + "/files").then().extract().path("find { !it.folder }.id");
        String opensFirst = tree.substring(0, tree.indexOf("data-opens-first"));
        assertThat(opensFirst.substring(opensFirst.lastIndexOf("<button"))).contains("data-id=\"" + first + "\"");
        assertThat(count(tree, "data-opens-first")).isEqualTo(1);
    }

    @Test
    void theEditorPageRendersTheTreeAndLoadsItsScriptsAsModulesInTheSharedLayout() {
        owner.get("/editor/" + id)
                .then()
                .statusCode(200)
                .body(
                        containsString("aria-label=\"Main navigation\""),
                        containsString(
                                "<script type=\"module\" src=\"" + assets.url("/js/editor/main.js") + "\"></script>"),
                        containsString("/webjars/monaco-editor/min/vs/loader.js"),
                        containsString("data-path=\"src/app.py\""),
                        containsString("&lt;img src=x onerror=alert(1)&gt;.md"),
                        not(containsString("<img src=x")));
        owner.request()
                .get(assets.url("/js/editor/main.js"))
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void withoutHtmxTheFragmentRoutesSendTheBrowserToTheEditor() {
        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO);
        owner.request()
                .get("/editor/" + id + "/tree")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor/" + id));
        owner.request()
                .get("/editor/" + id + "/files/" + readme + "/history")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor/" + id));
    }

    @Test
    void aViewerSeesTheTreeWithoutActionsAndHistoryWithoutRestore() {
        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO);
        save(readme, "# one\n", 0);
        save(readme, "# two\n", 1);
        Browser viewer = Browser.signedUp("Tree Viewer");
        owner.api()
                .body(Map.of("email", viewer.email(), "role", "viewer"))
                .post(project + "/share")
                .then()
                .statusCode(201);
        viewer.htmx()
                .get("/editor/" + id + "/tree")
                .then()
                .statusCode(200)
                .body(containsString("data-path=\"src/app.py\""), not(containsString("data-action=")));
        viewer.htmx()
                .get("/editor/" + id + "/files/" + readme + "/history")
                .then()
                .statusCode(200)
                .body(containsString("data-action=\"compare\""), not(containsString("data-action=\"restore\"")));
    }

    @Test
    void theHistoryFragmentListsVersionsNewestFirstWithRestoreOnOlderOnes() {
        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO);
        save(readme, "# one\n", 0);
        save(readme, "# two\n", 1);
        List<String> versionIds = owner.api()
                .get(project + "/files/" + readme + "/versions")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(versionIds).hasSizeGreaterThanOrEqualTo(2);
        String history = owner.htmx()
                .get("/editor/" + id + "/files/" + readme + "/history")
                .then()
                .statusCode(200)
                .body(
                        not(containsString("<!DOCTYPE html>")),
                        containsString("Revision 2"),
                        containsString(">current<"),
                        containsString("Tree Owner"),
                        containsString("just now"))
                .extract()
                .asString();
        assertThat(history.indexOf("Revision 2")).isLessThan(history.indexOf("Revision 1"));
        assertThat(count(history, "data-action=\"compare\"")).isEqualTo(versionIds.size());
        assertThat(count(history, "data-action=\"restore\"")).isEqualTo(versionIds.size() - 1);
        assertThat(history).contains("data-version-id=\"" + versionIds.get(0) + "\"");
    }

    @Test
    void historyIsForPlansThatKeepItAndForFilesOfThisProject() {
        owner.htmx()
                .get("/editor/" + id + "/files/" + readme + "/history")
                .then()
                .statusCode(403)
                .body(containsString("Pro"));
        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO);
        owner.htmx()
                .get("/editor/" + id + "/files/" + UUID.randomUUID() + "/history")
                .then()
                .statusCode(404);
        String other = owner.createProject("Other");
        owner.htmx()
                .get("/editor/" + other + "/files/" + readme + "/history")
                .then()
                .statusCode(404);
    }

    @Test
    void someoneTheProjectIsNotSharedWithGets404WithOrWithoutHtmx() {
        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO);
        Browser stranger = Browser.signedUp("Tree Stranger");
        Workspaces.setPlan(stranger.workspaceId(), PlanId.PRO);
        for (String path : List.of("/editor/" + id + "/tree", "/editor/" + id + "/files/" + readme + "/history")) {
            stranger.htmx()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .body(not(containsString("README.md")), not(containsString("Treehouse")));
            stranger.request().get(path).then().statusCode(404);
        }
        stranger.htmx().get("/editor/" + UUID.randomUUID() + "/tree").then().statusCode(404);
    }

    @Test
    void theApiDocsPageUsesTheSharedLayout() {
        new Browser()
                .request()
                .get("/api/docs")
                .then()
                .statusCode(200)
                .body(
                        containsString("aria-label=\"Main navigation\""),
                        containsString("id=\"swagger-ui\""),
                        containsString("/css/api-docs.css"));
    }

    private void createFile(String path, String content) {
        owner.api()
                .body(Map.of("path", path, "content", content))
                .post(project + "/files")
                .then()
                .statusCode(201);
    }

    private void save(String fileId, String content, int baseRevision) {
        owner.api()
                .body(Map.of("content", content, "base_revision", baseRevision))
                .put(project + "/files/" + fileId)
                .then()
                .statusCode(200);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
