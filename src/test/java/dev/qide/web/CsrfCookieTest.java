package dev.qide.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.account.session.SessionCookie;
import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The {@code csrf-token} cookie is {@code SameSite=Lax} on every response that sets it: public pages, an htmx
 * fragment, and signed-in pages and fragments, each asked for by a browser that has no token yet.
 */
@QuarkusTest
class CsrfCookieTest {

    private record Visit(String what, Function<RequestSpecification, Response> send) {}

    @Test
    void everyResponseThatSetsTheCsrfCookieMarksItSameSiteLax() {
        Browser signedIn = Browser.signedUp("Same Site");
        String session = sessionOf(signedIn);
        List<Visit> visits = List.of(
                new Visit("GET /", request -> request.get("/")),
                new Visit("GET /login", request -> request.get("/login")),
                new Visit("GET /signup", request -> request.get("/signup")),
                new Visit("GET /pricing", request -> request.get("/pricing")),
                new Visit("GET /forgot-password", request -> request.get("/forgot-password")),
                new Visit("GET /login (htmx)", request -> request.header("HX-Request", "true")
                        .get("/login")),
                new Visit("GET /dashboard (signed in)", request -> request.cookie(SessionCookie.NAME, session)
                        .get("/dashboard")),
                new Visit("GET /settings (signed in)", request -> request.cookie(SessionCookie.NAME, session)
                        .get("/settings")),
                new Visit("GET /settings/api-keys (signed in, htmx)", request -> request.cookie(
                                SessionCookie.NAME, session)
                        .header("HX-Request", "true")
                        .get("/settings/api-keys")));

        for (Visit visit : visits) {
            Response response = visit.send().apply(given().redirects().follow(false));
            List<String> csrfCookies = response.getHeaders().getValues("Set-Cookie").stream()
                    .filter(header -> header.startsWith("csrf-token="))
                    .toList();
            assertThat(csrfCookies).as(visit.what() + " sets the token").hasSize(1);
            assertThat(csrfCookies.getFirst())
                    .as(visit.what())
                    .containsIgnoringCase("SameSite=Lax")
                    .contains("Path=/");
        }
    }

    private static String sessionOf(Browser browser) {
        for (String pair : browser.cookieHeader().split("; ")) {
            if (pair.startsWith(SessionCookie.NAME + "=")) {
                return pair.substring(SessionCookie.NAME.length() + 1);
            }
        }
        throw new AssertionError("The browser has no session cookie");
    }
}
