package dev.qide.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pages that need a signed-in person, reached without one, the three ways a caller can arrive. */
@QuarkusTest
class AnonymousAccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/settings", "/billing", "/teams", "/admin"})
    void browsersAreSentToSignInAndBroughtBackAfterwards(String path) {
        new Browser()
                .request()
                .get(path)
                .then()
                .statusCode(303)
                .header(
                        "Location",
                        endsWith(path.equals("/dashboard") ? "/login" : "/login?next=%2F" + path.substring(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/settings", "/billing", "/teams"})
    void htmxRequestsGetAClientSideRedirectNotALoginPageInsideAFragment(String path) {
        new Browser()
                .htmx()
                .header("HX-Current-URL", "http://localhost/settings?tab=profile")
                .get(path)
                .then()
                .statusCode(401)
                .header("HX-Redirect", equalTo("/login?next=%2Fsettings%3Ftab%3Dprofile"))
                .body(emptyString());
    }

    @Test
    void apiCallersGetA401ProblemDocument() {
        new Browser()
                .request()
                .get("/api/auth/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Sign-in required"))
                .body("instance", equalTo("/api/auth/me"));
    }

    @Test
    void signedInCallersSeeThemselvesInTheApi() {
        Browser browser = Browser.signedUp("Api Person");
        browser.request()
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("user.email", equalTo(browser.email()))
                .body("user.name", equalTo("Api Person"))
                .body("workspace.name", equalTo("Personal"))
                .body("workspace.plan", equalTo("FREE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/anything", "/api/projects-of-nobody/deep"})
    void unknownApiPathsGetAProblemDocument(String path) {
        new Browser()
                .request()
                .get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", containsString("couldn't find"));
    }
}
