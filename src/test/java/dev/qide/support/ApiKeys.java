package dev.qide.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** API keys for tests: made through the settings page as a person makes them, then used as a script uses them. */
public final class ApiKeys {

    /** The format every secret has. */
    public static final Pattern FORMAT = Pattern.compile("^qide_[A-Za-z0-9_-]{32,}$");

    private static final Pattern SHOWN_SECRET = Pattern.compile("id=\"new-api-key\"[^>]*value=\"([^\"]+)\"");

    private ApiKeys() {}

    /** Makes a key that never expires with these scope ids ({@code projects:read}); answers the secret shown once. */
    public static String create(Browser browser, String name, String... scopes) {
        Response response = submit(browser, name, "never", "", scopes);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return secretIn(response.asString());
    }

    /** Sends the page's create form as a browser does (no htmx), from a freshly loaded page. */
    public static Response submit(Browser browser, String name, String expiry, String expiresOn, String... scopes) {
        browser.get("/settings/api-keys");
        return form(browser.request(), browser, name, expiry, expiresOn, scopes).post("/settings/api-keys");
    }

    /** The same form sent through htmx. */
    public static Response submitWithHtmx(
            Browser browser, String name, String expiry, String expiresOn, String... scopes) {
        browser.get("/settings/api-keys");
        return form(browser.htmx(), browser, name, expiry, expiresOn, scopes).post("/settings/api-keys");
    }

    /** The secret shown on a page or fragment. */
    public static String secretIn(String html) {
        Matcher matcher = SHOWN_SECRET.matcher(html);
        assertThat(matcher.find()).as("the page shows a new key").isTrue();
        return matcher.group(1);
    }

    /** A JSON API call with only the key: no cookie, no CSRF token. */
    public static RequestSpecification bearer(String secret) {
        return given().redirects()
                .follow(false)
                .header("Authorization", "Bearer " + secret)
                .accept("application/json")
                .contentType("application/json");
    }

    private static RequestSpecification form(
            RequestSpecification request,
            Browser browser,
            String name,
            String expiry,
            String expiresOn,
            String... scopes) {
        request.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", browser.csrfToken())
                .formParam("name", name)
                .formParam("expiry", expiry)
                .formParam("expiresOn", expiresOn);
        if (scopes.length > 0) {
            request.formParam("scopes", (Object[]) scopes);
        }
        return request;
    }
}
