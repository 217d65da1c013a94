package dev.qide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.account.SessionCookie;
import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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

/** Passwords and session tokens never reach the log, whatever happens to the request. */
@QuarkusTest
class SecretsInLogsTest {

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
    void passwordsAndSessionTokensAreNeverLogged() {
        String password = "secret-canary-password-" + System.nanoTime();
        Browser browser = new Browser();
        Response signUp = browser.signUp(Browser.uniqueEmail("canary"), "Canary", password);
        String token = signUp.getCookie(SessionCookie.NAME);
        browser.logOut();
        browser.logIn(browser.email(), "wrong-" + password);
        browser.logIn(browser.email(), password);
        browser.get("/settings");
        browser.postForm("/settings/password", Map.of("currentPassword", "x" + password, "newPassword", "short"));
        browser.request().cookie(SessionCookie.NAME, token).get("/dashboard");

        assertThat(lines).isNotEmpty();
        assertThat(String.join("\n", lines)).doesNotContain(password).doesNotContain(token);
    }
}
