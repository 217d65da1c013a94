package dev.qide.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void unknownPageIsAStyledPageWithTheNavigationOfWhoeverAsked() {
        new Browser()
                .request()
                .get("/no/such/page")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(
                        containsString("<!DOCTYPE html>"),
                        containsString("Not found"),
                        containsString("/css/app.css"),
                        containsString("Sign up"),
                        not(containsString("Exception")));

        Browser.signedUp("Lost Person")
                .request()
                .get("/no/such/page")
                .then()
                .statusCode(404)
                .body(containsString("Lost Person"), containsString("Sign out"));
    }

    @Test
    void htmxErrorsComeBackAsAToastForTheToastArea() {
        new Browser()
                .htmx()
                .get("/no/such/page")
                .then()
                .statusCode(404)
                .header("HX-Retarget", equalTo("#toasts"))
                .body(containsString("data-qide-toast"), not(containsString("<!DOCTYPE html>")));
    }

    @Test
    void apiErrorsAreProblemDocuments() {
        new Browser()
                .request()
                .get("/api/nothing/here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404));
    }

    @Test
    void nonAdminsGetAStyled403ForTheAdminArea() {
        Browser.signedUp("Not Admin")
                .request()
                .get("/admin")
                .then()
                .statusCode(403)
                .body(containsString("Access denied"), containsString("<!DOCTYPE html>"));
    }

    @Test
    void wrongMethodIs405WithAPage() {
        new Browser()
                .request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("x", "y")
                .put("/pricing")
                .then()
                .statusCode(405)
                .body(containsString("available here"));
    }

    @Test
    void unknownIdentityProviderIsNotFound() {
        new Browser().request().get("/auth/oidc/myspace").then().statusCode(404).body(containsString("Not found"));
    }

    @Test
    void unexpectedFailuresShowAStyled500WithAReferenceAndNothingInternal() {
        new Browser()
                .request()
                .get("/test-support/boom")
                .then()
                .statusCode(500)
                .body(
                        containsString("<!DOCTYPE html>"),
                        containsString("Something went wrong"),
                        containsString("Reference:"),
                        not(containsString("IllegalStateException")),
                        not(containsString(FailingResource.INTERNAL_DETAIL)),
                        not(containsString("at dev.qide")));
        new Browser()
                .htmx()
                .get("/test-support/boom")
                .then()
                .statusCode(500)
                .header("HX-Retarget", equalTo("#toasts"))
                .body(not(containsString(FailingResource.INTERNAL_DETAIL)));
        new Browser()
                .request()
                .get("/api/test-support/boom")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("status", equalTo(500))
                .body("reference", matchesPattern("[0-9a-f]{8}"))
                .body(not(containsString(FailingResource.INTERNAL_DETAIL)));
    }
}
