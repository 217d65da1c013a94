package dev.qide.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.qide.account.user.SecretTokens;
import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scripts call the API with {@code Authorization: Bearer qide_...}: who they act as, and what is refused. */
@QuarkusTest
@ClockSensitive
class ApiKeyAuthenticationTest {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aKeyActsAsItsMakerInItsWorkspace() {
        Browser browser = Browser.signedUp("Key Maker");
        String secret = ApiKeys.create(browser, "CI", "projects:read");
        ApiKeys.bearer(secret)
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body(
                        "user.email", equalTo(browser.email()),
                        "user.name", equalTo("Key Maker"),
                        "workspace.id", equalTo(browser.workspaceId().toString()),
                        "workspace.plan", equalTo("FREE"));
    }

    @Test
    void aRevokedKeyIsRefusedWithItsReason() {
        Browser browser = Browser.signedUp("Revoker");
        String secret = ApiKeys.create(browser, "Old laptop", "projects:read");
        ApiKeys.bearer(secret).get("/api/projects").then().statusCode(200);

        browser.get("/settings/api-keys");
        browser.postForm("/settings/api-keys/" + keyOf(secret).id + "/revoke", Map.of())
                .then()
                .statusCode(303);

        ApiKeys.bearer(secret)
                .get("/api/projects")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401), "detail", equalTo("This API key was revoked."));
    }

    @Test
    void anExpiredKeyIsRefusedWithTheDateItExpired() {
        Browser browser = Browser.signedUp("Expirer");
        String page = ApiKeys.submit(browser, "Month", "30", "", "projects:read")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String secret = ApiKeys.secretIn(page);
        ApiKeys.bearer(secret).get("/api/projects").then().statusCode(200);
        Instant expiresAt = keyOf(secret).expiresAt;
        assertThat(expiresAt)
                .isBetween(
                        clock.instant().plus(Duration.ofDays(30).minusMinutes(1)),
                        clock.instant().plus(Duration.ofDays(30)));

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        ApiKeys.bearer(secret)
                .get("/api/projects")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("This API key expired on " + EXPIRY.format(expiresAt) + "."));
    }

    @Test
    void unknownAndMalformedKeysAreRefused() {
        for (String secret : new String[] {"garbage", "qide_" + SecretTokens.newToken(), "qide_short", ""}) {
            ApiKeys.bearer(secret)
                    .get("/api/auth/me")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("Unknown API key."));
        }
        // Refused before routing: an unknown key learns nothing about which paths exist.
        ApiKeys.bearer("qide_" + SecretTokens.newToken())
                .get("/api/no-such-thing")
                .then()
                .statusCode(401)
                .body("detail", equalTo("Unknown API key."));
    }

    @Test
    void aBadKeyNeverFallsBackToTheSessionCookie() {
        Browser browser = Browser.signedUp("Cookie Holder");
        browser.api().get("/api/auth/me").then().statusCode(200);
        browser.api()
                .header("Authorization", "Bearer qide_" + SecretTokens.newToken())
                .get("/api/auth/me")
                .then()
                .statusCode(401)
                .body("detail", equalTo("Unknown API key."));
    }

    @Test
    void keysOpenTheApiButNotThePages() {
        Browser browser = Browser.signedUp("Page Person");
        String secret = ApiKeys.create(browser, "Pages", "projects:read", "projects:write", "runs");
        given().redirects()
                .follow(false)
                .header("Authorization", "Bearer " + secret)
                .get("/dashboard")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/login"));
        given().redirects()
                .follow(false)
                .header("Authorization", "Bearer " + secret)
                .contentType("application/x-www-form-urlencoded")
                .formParam("name", "Sneaky")
                .formParam("expiry", "never")
                .formParam("scopes", "runs")
                .post("/settings/api-keys")
                .then()
                .statusCode(303)
                .header("Location", containsString("/login"));
        assertThat(keyCount(browser.workspaceId())).isEqualTo(1);
    }

    @Test
    void scopesLimitWhatAKeyMayDo() {
        Browser browser = Browser.signedUp("Scoped");
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        String projectId = browser.createProject("Existing");
        String reader = ApiKeys.create(browser, "Reader", "projects:read");
        String writer = ApiKeys.create(browser, "Writer", "projects:write");
        String runner = ApiKeys.create(browser, "Runner", "runs");

        ApiKeys.bearer(reader).get("/api/projects").then().statusCode(200).body("total", equalTo(1));
        ApiKeys.bearer(reader)
                .get("/api/projects/" + projectId + "/files")
                .then()
                .statusCode(200);
        ApiKeys.bearer(reader)
                .body(Map.of("name", "Not allowed"))
                .post("/api/projects")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("This API key lacks the projects:write scope."));
        ApiKeys.bearer(reader)
                .delete("/api/projects/" + projectId)
                .then()
                .statusCode(403)
                .body("detail", equalTo("This API key lacks the projects:write scope."));
        ApiKeys.bearer(reader)
                .body(Map.of("code", "print(1)", "language", "python"))
                .post("/api/code/execute")
                .then()
                .statusCode(403)
                .body("detail", equalTo("This API key lacks the runs scope."));

        ApiKeys.bearer(writer)
                .body(Map.of("name", "Made by a script", "language", "python"))
                .post("/api/projects")
                .then()
                .statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"));
        // Writing includes reading.
        ApiKeys.bearer(writer).get("/api/projects").then().statusCode(200).body("total", equalTo(2));

        ApiKeys.bearer(runner).get("/api/code/languages").then().statusCode(200);
        // Past the scope check, the route itself answers (no sandbox needed to refuse an unknown language).
        ApiKeys.bearer(runner)
                .body(Map.of("code", "print(1)", "language", "cobol"))
                .post("/api/code/execute")
                .then()
                .statusCode(422);
        ApiKeys.bearer(runner)
                .get("/api/projects")
                .then()
                .statusCode(403)
                .body("detail", equalTo("This API key lacks the projects:read scope."));
        // Any key may ask who it is.
        ApiKeys.bearer(runner).get("/api/auth/me").then().statusCode(200);
        // The browser session has every scope.
        browser.api().get("/api/projects").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void endpointsWithoutADeclaredScopeAreClosedToKeys() {
        Browser browser = Browser.signedUp("Unscoped");
        String secret =
                ApiKeys.create(browser, "All", "projects:read", "projects:write", "runs", "chat", "billing:read");
        ApiKeys.bearer(secret)
                .get(UnscopedApiResource.PATH)
                .then()
                .statusCode(403)
                .body("detail", equalTo("API keys cannot be used for this request."));
        browser.api().get(UnscopedApiResource.PATH).then().statusCode(200);
    }

    @Test
    void bearerWritesNeedNoCsrfTokenButCookieWritesStillDo() {
        Browser browser = Browser.signedUp("Csrf Checker");
        String secret = ApiKeys.create(browser, "Writer", "projects:write");

        ApiKeys.bearer(secret)
                .body(Map.of("name", "By key"))
                .post("/api/projects")
                .then()
                .statusCode(201);

        // The session cookie without the X-CSRF-TOKEN header: refused, and nothing changes.
        browser.request()
                .accept("application/json")
                .contentType("application/json")
                .body(Map.of("name", "Forged"))
                .post("/api/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("reload the page"));
        String id = browser.api().get("/api/projects").then().extract().path("projects[0].id");
        browser.request().delete("/api/projects/" + id).then().statusCode(400);
        // Refused before the route is even asked whether the run exists (it does not: 404 otherwise).
        browser.request()
                .contentType("text/plain")
                .body("stop")
                .post("/api/runs/" + UUID.randomUUID() + "/stop")
                .then()
                .statusCode(400);
        // A wrong header is refused too; the right one works.
        browser.request()
                .header("X-CSRF-TOKEN", "wrong")
                .contentType("application/json")
                .body(Map.of("name", "Forged"))
                .post("/api/projects")
                .then()
                .statusCode(400);
        browser.api().get("/api/projects").then().body("total", equalTo(1), "projects[0].name", equalTo("By key"));
        browser.api().body(Map.of("name", "Real")).post("/api/projects").then().statusCode(201);
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        Browser browser = Browser.signedUp("Toucher");
        String secret = ApiKeys.create(browser, "Busy", "projects:read");
        assertThat(keyOf(secret).lastUsedAt).isNull();

        ApiKeys.bearer(secret).get("/api/projects").then().statusCode(200);
        Instant first = keyOf(secret).lastUsedAt;
        assertThat(first).isNotNull();
        clock.advance(Duration.ofSeconds(30));
        ApiKeys.bearer(secret).get("/api/projects").then().statusCode(200);
        assertThat(keyOf(secret).lastUsedAt).isEqualTo(first);
        clock.advance(Duration.ofSeconds(45));
        ApiKeys.bearer(secret).get("/api/projects").then().statusCode(200);
        assertThat(keyOf(secret).lastUsedAt).isAfter(first);
    }

    static ApiKey keyOf(String secret) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.findByHash(SecretTokens.hash(secret)).orElseThrow());
    }

    static long keyCount(UUID workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.count("workspace.id", workspaceId));
    }
}
