package dev.qide.account.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.Passwords;
import dev.qide.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions slide forward while used, end after 14 idle days or 30 days in all, and are purged once ended. */
@QuarkusTest
@ClockSensitive
class SessionLifecycleTest {

    @Inject
    TestClock clock;

    @Inject
    SessionService sessions;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void anUnusedSessionEndsAfterTheIdleTimeout() {
        Browser browser = Browser.signedUp("Idle");
        clock.advance(Duration.ofDays(13));
        browser.request().get("/dashboard").then().statusCode(200);
        clock.advance(Duration.ofDays(13));
        browser.request().get("/dashboard").then().statusCode(200);
        clock.advance(Duration.ofDays(14).plusMinutes(1));
        browser.request().get("/dashboard").then().statusCode(303);
    }

    @Test
    void aSessionInDailyUseStillEndsThirtyDaysAfterSignIn() {
        Browser browser = Browser.signedUp("Daily");
        for (int day = 1; day < 30; day++) {
            clock.advance(Duration.ofDays(1));
            browser.request().get("/dashboard").then().statusCode(200);
        }
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        browser.request().get("/dashboard").then().statusCode(303);
        browser.logIn(browser.email(), Passwords.STRONG).then().statusCode(303);
    }

    @Test
    void endedSessionsArePurgedAndLiveOnesKept() {
        Browser ended = Browser.signedUp("Purged");
        clock.advance(Duration.ofDays(15));
        Browser live = Browser.signedUp("Kept");

        sessions.purgeExpired();
        sessions.purgeExpired();

        assertThat(QuarkusTransaction.requiringNew().call(() -> UserSession.count("user.email", ended.email())))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> UserSession.count("user.email", live.email())))
                .isEqualTo(1);
        live.request().get("/dashboard").then().statusCode(200);
    }
}
