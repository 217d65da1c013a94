package dev.qide.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every response carries the security headers: pages, fragments, assets, errors, health. */
@QuarkusTest
class SecurityHeadersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/login",
                "/signup",
                "/pricing",
                "/dashboard",
                "/no-such-page",
                "/api/no-such-thing",
                "/css/app.css",
                "/js/app.js",
                "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/bootstrap/dist/css/bootstrap.min.css",
                "/q/health/ready"
            })
    void anonymousResponsesCarryTheHeaders(String path) {
        assertSecurityHeaders(new Browser().request().get(path).then());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/settings", "/billing", "/teams", "/admin", "/api/auth/me"})
    void signedInResponsesCarryTheHeaders(String path) {
        Browser browser = Browser.signedUp("Headers");
        assertSecurityHeaders(browser.request().get(path).then());
        assertSecurityHeaders(browser.htmx().get(path).then());
    }

    private static void assertSecurityHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("Strict-Transport-Security", nullValue());
    }
}
