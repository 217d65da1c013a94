package dev.qide.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An API key's secret never reaches the log: not when it is made, used, refused or revoked. */
@QuarkusTest
class ApiKeySecretsInLogsTest {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void startCapture() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("").removeHandler(capture);
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

        assertThat(lines).isNotEmpty();
        String log = String.join("\n", lines);
        assertThat(log).doesNotContain(secret).doesNotContain(secret.substring(13));
    }
}
