package dev.qide.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sharing a project: editors write, viewers only read (page and API), revoking takes access away. */
@QuarkusTest
class ShareTest {

    private Browser owner;
    private String id;
    private String project;
    private String readme;

    @BeforeEach
    void signUpWithAProject() {
        owner = Browser.signedUp("Share Owner");
        id = owner.createProject("Shared project");
        project = "/api/projects/" + id;
        readme = owner.api().get(project + "/files").then().extract().path("[0].id");
    }

    private void share(Browser with, String role) {
        owner.api()
                .body(Map.of("email", with.email(), "role", role))
                .post(project + "/share")
                .then()
                .statusCode(201)
                .body("email", equalTo(with.email()), "role", equalTo(role));
    }

    @Test
    void aViewerReadsButCannotWriteInTheApiOrThePage() {
        Browser viewer = Browser.signedUp("View Only");
        share(viewer, "viewer");
        viewer.api().get(project).then().statusCode(200).body("permission", equalTo("view"));
        viewer.api().get(project + "/files/" + readme).then().statusCode(200);
        viewer.api()
                .body(Map.of("content", "defaced", "base_revision", 0))
                .put(project + "/files/" + readme)
                .then()
                .statusCode(403)
                .body("detail", containsString("view this project but not change it"));
        viewer.api()
                .body(Map.of("path", "new.py"))
                .post(project + "/files")
                .then()
                .statusCode(403);
        viewer.api()
                .body(Map.of("path", "moved.md"))
                .put(project + "/files/" + readme)
                .then()
                .statusCode(403);
        viewer.api().delete(project + "/files/" + readme).then().statusCode(403);
        viewer.api().body(Map.of("name", "Mine now")).put(project).then().statusCode(403);
        viewer.api().delete(project).then().statusCode(403);
        viewer.api()
                .body(Map.of("email", viewer.email(), "role", "editor"))
                .post(project + "/share")
                .then()
                .statusCode(403);
        viewer.api()
                .body(Map.of("file_id", readme))
                .post(project + "/runs")
                .then()
                .statusCode(403);
        owner.api()
                .get(project + "/files/" + readme)
                .then()
                .body("revision", equalTo(0), "content", containsString("Shared project"));
        viewer.get("/editor/" + id)
                .then()
                .statusCode(200)
                .body(
                        containsString("Read only"),
                        containsString("&quot;can_edit&quot;:false"),
                        not(containsString("id=\"new-file\"")));
        viewer.get("/projects").then().body(containsString("Shared with you"), containsString("Shared project"));
    }

    @Test
    void anEditorWritesAndRevokingTakesAccessAway() {
        Browser editor = Browser.signedUp("Edit Person");
        share(editor, "editor");
        editor.api()
                .body(Map.of("content", "# edited", "base_revision", 0))
                .put(project + "/files/" + readme)
                .then()
                .statusCode(200);
        editor.api()
                .body(Map.of("path", "main.py", "content", "print(1)"))
                .post(project + "/files")
                .then()
                .statusCode(201);
        // Editors change files, but the project itself stays its workspace's to rename, share or delete.
        editor.api().delete(project).then().statusCode(403);
        owner.api().get(project + "/share").then().statusCode(200).body("email", hasItem(editor.email()));

        String editorId = editor.api().get("/api/auth/me").then().extract().path("user.id");
        owner.api().delete(project + "/share/" + editorId).then().statusCode(204);
        editor.api().get(project).then().statusCode(404);
        editor.api().get(project + "/files/" + readme).then().statusCode(404);
        editor.get("/editor/" + id).then().statusCode(404);
        owner.api().delete(project + "/share/" + editorId).then().statusCode(404);
    }

    @Test
    void sharingExplainsWhatIsWrong() {
        owner.api()
                .body(Map.of("email", "nobody-" + System.nanoTime() + "@example.test", "role", "viewer"))
                .post(project + "/share")
                .then()
                .statusCode(422)
                .body("detail", containsString("Ask them to sign up"));
        owner.api()
                .body(Map.of("email", "not-an-email", "role", "viewer"))
                .post(project + "/share")
                .then()
                .statusCode(422);
        Browser someone = Browser.signedUp("Some One");
        owner.api()
                .body(Map.of("email", someone.email(), "role", "owner"))
                .post(project + "/share")
                .then()
                .statusCode(422)
                .body("detail", equalTo("Choose editor or viewer."));
        owner.api()
                .body(Map.of("email", owner.email(), "role", "viewer"))
                .post(project + "/share")
                .then()
                .statusCode(422)
                .body("detail", containsString("already a member"));
        owner.api().get(project + "/share").then().body("size()", equalTo(0));
    }

    @Test
    void sharingTwiceChangesTheRoleAndHistoryFollowsTheProjectsPlan() {
        Browser person = Browser.signedUp("Role Change");
        share(person, "viewer");
        share(person, "editor");
        owner.api().get(project + "/share").then().body("size()", equalTo(1), "[0].role", equalTo("editor"));
        person.api().get(project + "/files/" + readme + "/versions").then().statusCode(403);
        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO);
        person.api().get(project + "/files/" + readme + "/versions").then().statusCode(200);
    }
}
