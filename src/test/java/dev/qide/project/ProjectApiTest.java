package dev.qide.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.Passwords;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The projects API: create, list (search, sort, pages), change, trash, restore and purge. */
@QuarkusTest
@ClockSensitive
class ProjectApiTest {

    @Inject
    TestClock clock;

    @Inject
    ProjectService projects;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void createAnswers201WithTheProjectAndItsReadme() {
        Browser browser = Browser.signedUp("Ada Lovelace");
        String id = browser.api()
                .body(Map.of("name", "  Engine  ", "description", "Analytical", "language", "PYTHON"))
                .post("/api/projects")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/projects/"))
                .body("name", equalTo("Engine"), "language", equalTo("python"), "permission", equalTo("manage"))
                .extract()
                .path("id");
        browser.api()
                .get("/api/projects/" + id + "/files")
                .then()
                .statusCode(200)
                .body("path", equalTo(List.of("README.md")));
        assertThat(Workspaces.storageUsed(browser.workspaceId())).isEqualTo("# Engine\n\nAnalytical\n".length());
    }

    @Test
    void invalidInputIsRefusedWithAReasonAndCreatesNothing() {
        Browser browser = Browser.signedUp("Grace Hopper");
        browser.api()
                .body(Map.of("name", " ", "language", "python"))
                .post("/api/projects")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("Give the project a name."));
        browser.api()
                .body(Map.of("name", "x".repeat(81)))
                .post("/api/projects")
                .then()
                .statusCode(422)
                .body("detail", containsString("at most 80"));
        browser.api()
                .body(Map.of("name", "Fine", "language", "cobol"))
                .post("/api/projects")
                .then()
                .statusCode(422)
                .body("detail", containsString("listed languages"));
        browser.api()
                .body("{not json")
                .post("/api/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        browser.api().get("/api/projects").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listSearchesSortsAndPages() {
        Browser browser = Browser.signedUp("Linus Torvalds");
        for (int i = 1; i <= 14; i++) {
            browser.createProject(String.format("Project %02d", i));
            clock.advance(Duration.ofMinutes(1));
        }
        browser.createProject("Kernel 100%_done");
        browser.api()
                .get("/api/projects?sort=name")
                .then()
                .statusCode(200)
                .body(
                        "total", equalTo(15),
                        "pages", equalTo(2),
                        "projects.size()", equalTo(ProjectService.PAGE_SIZE),
                        "projects[0].name", equalTo("Kernel 100%_done"),
                        "projects[1].name", equalTo("Project 01"));
        browser.api()
                .get("/api/projects?sort=name&page=2")
                .then()
                .body("projects.size()", equalTo(3), "projects[2].name", equalTo("Project 14"));
        browser.api()
                .get("/api/projects?sort=recent")
                .then()
                .body("projects[0].name", equalTo("Kernel 100%_done"), "projects[1].name", equalTo("Project 14"));
        browser.api().get("/api/projects?q=PROJECT 1").then().body("total", equalTo(5));
        // Wildcards are taken literally.
        browser.api().get("/api/projects?q=%_").then().body("total", equalTo(1));
        browser.api().get("/api/projects?q=about kernel").then().body("total", equalTo(1));
    }

    @Test
    void renameAndDescribeKeepWhatIsNotSent() {
        Browser browser = Browser.signedUp("Ken Thompson");
        String id = browser.createProject("Unix");
        browser.api()
                .body(Map.of("name", "Plan 9"))
                .put("/api/projects/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Plan 9"), "description", equalTo("About Unix"), "language", equalTo("python"));
        browser.api().body(Map.of("name", "")).put("/api/projects/" + id).then().statusCode(422);
        browser.api().get("/api/projects/" + id).then().body("name", equalTo("Plan 9"));
    }

    @Test
    void deleteMovesToTheTrashRestoreBringsItBackAndThePurgeRemovesItAfter30Days() {
        Browser browser = Browser.signedUp("Dennis Ritchie");
        UUID workspace = browser.workspaceId();
        String id = browser.createProject("C compiler");
        long stored = Workspaces.storageUsed(workspace);
        assertThat(stored).isPositive();

        browser.api().delete("/api/projects/" + id).then().statusCode(204);
        browser.api().get("/api/projects/" + id).then().statusCode(404);
        browser.api().get("/api/projects/" + id + "/files").then().statusCode(404);
        browser.api().get("/api/projects").then().body("projects.id", not(hasItem(id)));

        browser.api().post("/api/projects/" + id + "/restore").then().statusCode(200);
        browser.api().get("/api/projects/" + id).then().statusCode(200);

        browser.api().delete("/api/projects/" + id).then().statusCode(204);
        clock.advance(Duration.ofDays(29));
        projects.purgeTrash();
        browser.logIn(browser.email(), Passwords.STRONG); // the session itself expired meanwhile
        browser.api().post("/api/projects/" + id + "/restore").then().statusCode(200);
        browser.api().delete("/api/projects/" + id).then().statusCode(204);
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        projects.purgeTrash();
        projects.purgeTrash(); // a second run finds nothing more to do
        browser.logIn(browser.email(), Passwords.STRONG);
        browser.api().post("/api/projects/" + id + "/restore").then().statusCode(404);
        assertThat(Workspaces.storageUsed(workspace)).isZero();
    }

    @Test
    void aStrangerGets404ForEveryRouteOfSomeoneElsesProject() {
        Browser owner = Browser.signedUp("Owner Person");
        String id = owner.createProject("Private");
        String fileId = owner.api()
                .get("/api/projects/" + id + "/files")
                .then()
                .extract()
                .path("[0].id");
        Browser stranger = Browser.signedUp("Stranger Person");
        String project = "/api/projects/" + id;
        String file = project + "/files/" + fileId;
        stranger.api().get(project).then().statusCode(404).body("detail", equalTo(ProjectAccess.NOT_FOUND));
        stranger.api().body(Map.of("name", "Mine")).put(project).then().statusCode(404);
        stranger.api().delete(project).then().statusCode(404);
        stranger.api().post(project + "/restore").then().statusCode(404);
        stranger.api().get(project + "/files").then().statusCode(404);
        stranger.api()
                .body(Map.of("path", "x.py"))
                .post(project + "/files")
                .then()
                .statusCode(404);
        stranger.api().get(file).then().statusCode(404);
        stranger.api()
                .body(Map.of("content", "stolen", "base_revision", 0))
                .put(file)
                .then()
                .statusCode(404);
        stranger.api().delete(file).then().statusCode(404);
        stranger.api().get(file + "/versions").then().statusCode(404);
        stranger.api().get(project + "/share").then().statusCode(404);
        stranger.api()
                .body(Map.of("email", stranger.email(), "role", "editor"))
                .post(project + "/share")
                .then()
                .statusCode(404);
        stranger.api().get(project + "/runs").then().statusCode(404);
        stranger.api()
                .body(Map.of("file_id", fileId))
                .post(project + "/runs")
                .then()
                .statusCode(404);
        stranger.get("/editor/" + id).then().statusCode(404);
        stranger.get("/projects/" + id).then().statusCode(404);
        owner.api().get(file).then().statusCode(200).body("content", containsString("# Private"));
    }
}
