package dev.qide.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project pages as a person uses them: list, create (with and without htmx), settings, trash, editor. */
@QuarkusTest
class ProjectPagesTest {

    @Test
    void creatingAProjectFromTheFormOpensItInTheEditor() {
        Browser browser = Browser.signedUp("Page Person");
        browser.get("/projects")
                .then()
                .statusCode(200)
                .body(containsString("No projects yet"), containsString("Create and open"), containsString("Projects"));
        String location = browser.postForm(
                        "/projects", Map.of("name", "Website", "description", "My site", "language", "WEB"))
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String editor = location.replaceFirst("^https?://[^/]+", "");
        browser.get(editor)
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("style-src 'self' 'unsafe-inline'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .body(
                        containsString("Website"),
                        containsString("/webjars/monaco-editor/min/vs/loader.js"),
                        containsString("data-editor-config"),
                        containsString("&quot;can_edit&quot;:true"),
                        containsString("Running code is part of the Pro plan"));
        browser.get("/projects")
                .then()
                .header("Content-Security-Policy", containsString("style-src 'self';"))
                .body(containsString("Website"), containsString("My site"), containsString("HTML &amp; CSS"));
        browser.get("/dashboard").then().body(containsString("Recent projects"), containsString("Website"));
        browser.htmxPostForm("/projects", Map.of("name", "Second", "language", "PYTHON"))
                .then()
                .statusCode(200)
                .header("HX-Redirect", startsWith("/editor/"));
    }

    @Test
    void anInvalidFormKeepsWhatWasTypedAndSaysWhatIsWrong() {
        Browser browser = Browser.signedUp("Typo Person");
        browser.get("/projects");
        browser.htmxPostForm("/projects", Map.of("name", "", "description", "Kept text", "language", "GO"))
                .then()
                .statusCode(422)
                .body(
                        not(containsString("<!DOCTYPE html>")),
                        containsString("Give the project a name."),
                        containsString("Kept text"),
                        containsString("value=\"GO\" selected"));
        browser.postForm("/projects", Map.of("name", "x".repeat(81), "language", "GO"))
                .then()
                .statusCode(422)
                .body(containsString("<!DOCTYPE html>"), containsString("at most 80 characters"));
        browser.api().get("/api/projects").then().body("total", equalTo(0));
    }

    @Test
    void activeSearchAnswersTheListFragment() {
        Browser browser = Browser.signedUp("Search Person");
        browser.createProject("Alpha");
        browser.createProject("Beta");
        browser.htmx()
                .header("HX-Target", "project-list")
                .get("/projects?q=alp")
                .then()
                .statusCode(200)
                .body(
                        containsString("<div id=\"project-list\">"),
                        not(containsString("<!DOCTYPE html>")),
                        not(containsString("Create and open")),
                        containsString("Alpha"),
                        not(containsString("Beta")));
        browser.get("/projects?q=zzz").then().body(containsString("No project matches"));
    }

    @Test
    void settingsRenameShareAndTrashRestore() {
        Browser owner = Browser.signedUp("Settings Owner");
        Browser friend = Browser.signedUp("Friend Person");
        String id = owner.createProject("Gadget");
        owner.get("/projects/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Sharing"), containsString("Move to trash"));
        owner.htmxPostForm("/projects/" + id, Map.of("name", "Gizmo", "description", "New", "language", "RUST"))
                .then()
                .statusCode(200)
                .body(containsString("Saved."), containsString("value=\"Gizmo\""));
        owner.htmxPostForm("/projects/" + id + "/shares", Map.of("email", "nobody@example.test", "role", "VIEWER"))
                .then()
                .statusCode(422)
                .body(containsString("Ask them to sign up"), containsString("nobody@example.test"));
        owner.htmxPostForm("/projects/" + id + "/shares", Map.of("email", friend.email(), "role", "VIEWER"))
                .then()
                .statusCode(200)
                .body(containsString("Shared with " + friend.email() + " as viewer."));
        friend.get("/projects/" + id).then().statusCode(200).body(not(containsString("Move to trash")));

        owner.postForm("/projects/" + id + "/delete", Map.of()).then().statusCode(303);
        owner.get("/projects").then().body(containsString("was moved to the trash"), not(containsString("Gizmo</a>")));
        owner.get("/projects/trash").then().statusCode(200).body(containsString("Gizmo"), containsString("Restore"));
        friend.get("/editor/" + id).then().statusCode(404);
        owner.postForm("/projects/" + id + "/restore", Map.of()).then().statusCode(303);
        owner.get("/projects").then().body(containsString("is back from the trash"), containsString("Gizmo"));
    }
}
