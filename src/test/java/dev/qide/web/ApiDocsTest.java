package dev.qide.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The platform API is documented: an OpenAPI document and a Swagger UI page that works under the CSP. */
@QuarkusTest
class ApiDocsTest {

    @Test
    void theOpenApiDocumentListsTheApi() {
        new Browser()
                .request()
                .accept("application/json")
                .get("/api/openapi")
                .then()
                .statusCode(200)
                .body(
                        containsString("/api/projects"),
                        containsString("/api/projects/{projectId}/files"),
                        containsString("/api/code/execute"),
                        containsString("/api/billing/usage"),
                        containsString("/api/auth/me"),
                        containsString("/api/chat/messages/{id}/events"),
                        containsString("/api/settings/llm-config"),
                        containsString("/v1/chat/completions"),
                        containsString("Q-IDE platform API"),
                        not(containsString("/dashboard")),
                        not(containsString("\"/settings/")),
                        not(containsString("\"/api/docs\"")));
    }

    @Test
    void theDocsPageLoadsSwaggerUiFromFilesOnly() {
        new Browser()
                .request()
                .get("/api/docs")
                .then()
                .statusCode(200)
                .body(containsString("/api/docs/ui/swagger-ui-bundle.js"), containsString("/js/api-docs.js"));
        new Browser().request().get("/api/docs/ui/swagger-ui-bundle.js").then().statusCode(200);
        new Browser().request().get("/api/docs/ui/swagger-ui.css").then().statusCode(200);
        new Browser().request().get("/js/api-docs.js").then().statusCode(200);
    }
}
