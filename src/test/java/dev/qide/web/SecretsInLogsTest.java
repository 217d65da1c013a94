package dev.qide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.account.session.SessionCookie;
import dev.qide.support.Browser;
import dev.qide.support.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Passwords and session tokens never reach the log, whatever happens to the request. */
@QuarkusTest
class SecretsInLogsTest {

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

        assertThat(log.lines()).isNotEmpty();
        assertThat(log.text()).doesNotContain(password).doesNotContain(token);
    }
}
