package dev.qide.ratelimit;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.Passwords;
import dev.qide.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in is limited to 5 attempts a minute per address and per account. With proxy headers trusted (as here) the
 * address is the forwarded one, so the test can sign in from several addresses.
 */
@QuarkusTest
@TestProfile(SignInRateLimitTest.RealSignInLimits.class)
@ClockSensitive
class SignInRateLimitTest {

    public static class RealSignInLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "qide.rate-limits.sign-in-per-address", "5",
                    "qide.rate-limits.sign-in-per-account", "5");
        }
    }

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response signIn(Browser browser, String address, String email, String password) {
        browser.get("/login");
        return browser.request()
                .header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("email", email)
                .formParam("password", password)
                .formParam("csrf-token", browser.csrfToken())
                .post("/login");
    }

    @Test
    void aFloodFromOneAddressIsSlowedAndTheOwnerGetsBackInWithinTheWindow() {
        Browser victim = Browser.signedUp("Flood Victim");
        victim.logOut();
        Browser attacker = new Browser();
        String attackerAddress = "203.0.113.9";
        // A bucket of 5 a minute gains one attempt every 12 s: on a slow machine the flood itself could take that
        // long, so the clock stands still while it runs.
        clock.stop();
        for (int i = 0; i < 5; i++) {
            signIn(attacker, attackerAddress, victim.email(), "wrong password " + i)
                    .then()
                    .statusCode(422);
        }
        signIn(attacker, attackerAddress, victim.email(), "wrong password 6")
                .then()
                .statusCode(429)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(12)))
                .body(containsString("Too many sign-in attempts from this address: at most 5 a minute."));
        // The same address cannot move on to another account either.
        signIn(attacker, attackerAddress, "someone-else@example.test", "guess")
                .then()
                .statusCode(429);

        // The owner, elsewhere, is slowed by the account's limit for seconds, not locked out.
        Browser owner = new Browser();
        String ownerAddress = "198.51.100.7";
        signIn(owner, ownerAddress, victim.email(), Passwords.STRONG)
                .then()
                .statusCode(429)
                .body(containsString("Too many sign-in attempts for this account"));
        clock.advance(Duration.ofSeconds(13));
        signIn(owner, ownerAddress, victim.email(), Passwords.STRONG).then().statusCode(303);
        owner.get("/dashboard").then().statusCode(200).body(containsString("Flood Victim"));

        // A minute later the address has its full allowance again.
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            signIn(attacker, attackerAddress, "someone-" + i + "@example.test", "guess")
                    .then()
                    .statusCode(422);
        }
    }
}
