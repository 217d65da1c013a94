package dev.qide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import dev.qide.project.Project;
import dev.qide.support.Browser;
import dev.qide.workspace.Workspace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * NUL and half a surrogate pair are refused (422, naming the field) wherever text comes in, forms, JSON and the query
 * alike: PostgreSQL cannot store or even search for a NUL, and half a character is no text at all. Nothing is stored.
 */
@QuarkusTest
class StorableTextTest {

    @Test
    void aTeamNamedWithANulIsRefusedFromTheFormAndFromTheApi() {
        Browser person = Browser.signedUp("Nul Namer");
        person.get("/teams");
        person.postForm("/teams", Map.of("name", "Nul\u0000Team", "description", "About"))
                .then()
                .statusCode(422)
                .body(containsString("The field &quot;name&quot; cannot hold the NUL character"));
        person.api()
                .body("{\"name\":\"Nul\\u0000Team\"}")
                .post("/api/teams")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("\"name\" cannot hold the NUL character"));
        person.api().get("/api/teams").then().body("teams", hasSize(0));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Workspace.count("name like ?1", "Nul%Team")))
                .isZero();
    }

    @Test
    void aProjectDescriptionWithANulOrHalfACharacterIsRefusedAndTheProjectKeepsItsOwn() {
        Browser person = Browser.signedUp("Careful Describer");
        UUID project = UUID.fromString(person.createProject("Described"));
        for (String escaped : new String[] {"\\u0000", "\\ud800", "\\udc00"}) {
            person.api()
                    .body("{\"name\":\"Described\",\"description\":\"a" + escaped + "b\"}")
                    .put("/api/projects/" + project)
                    .then()
                    .statusCode(422)
                    .body("detail", containsString("\"description\" cannot hold"));
        }
        person.get("/projects/" + project);
        person.postForm(
                        "/projects/" + project,
                        Map.of("name", "Described", "description", "a\u0000b", "language", "python"))
                .then()
                .statusCode(422);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Project.<Project>findById(project).description))
                .isEqualTo("About Described");
    }

    @Test
    void aSearchForANulIsRefusedBeforeItReachesTheDatabase() {
        Browser person = Browser.signedUp("Nul Searcher");
        person.api()
                .queryParam("q", "a\u0000b")
                .get("/api/projects")
                .then()
                .statusCode(422)
                .body("detail", containsString("\"q\" cannot hold the NUL character"));
        person.request().queryParam("q", "a\u0000b").get("/projects").then().statusCode(422);
    }
}
