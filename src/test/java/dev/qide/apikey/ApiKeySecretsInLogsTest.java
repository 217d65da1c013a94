package dev.qide.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An API key's secret never reaches the log: not when it is made, used, refused or revoked. */
@QuarkusTest
class ApiKeySecretsInLogsTest {

    private final CapturedLog log = new CapturedLog();

    @BeforeEach
    void startCapture() {
        log.start();
    }

    @AfterEach
    void stopCapture() {
        log.stop();
    }

    @Test
    void secretsAreNeverLogged() {
        Browser browser = Browser.signedUp("Log Watcher");
        String secret = ApiKeys.create(browser, "Canary", "projects:read");
        ApiKeys.bearer(secret).get("/api/auth/me").then().statusCode(200);
        ApiKeys.bearer(secret)
                .body(Map.of("name", "Refused"))
                .post("/api/projects")
                .then()
                .statusCode(403);
        browser.get("/settings/api-keys");
        browser.postForm("/settings/api-keys/" + ApiKeyAuthenticationTest.keyOf(secret).id + "/revoke", Map.of())
                .then()
                .statusCode(303);
        ApiKeys.bearer(secret).get("/api/auth/me").then().statusCode(401);
        ApiKeys.bearer(secret + "x").get("/api/auth/me").then().statusCode(401);

        assertThat(log.lines()).isNotEmpty();
        String logged = log.text();
        assertThat(logged).doesNotContain(secret).doesNotContain(secret.substring(13));
    }
}
