package dev.qide.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import dev.qide.account.session.SessionCookie;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    @Test
    void loginPageRendersAsFullPageAndAsFragment() {
        Browser browser = new Browser();
        browser.get("/login")
                .then()
                .statusCode(200)
                .body(
                        containsString("<!DOCTYPE html>"),
                        containsString("Welcome back"),
                        containsString("Forgot your password?"));
        browser.htmx()
                .get("/login")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Welcome back"));
    }

    @Test
    void personSignsOutAndBackIn() {
        Browser browser = Browser.signedUp("Linus");
        browser.logOut().then().statusCode(303).header("Location", endsWith("/login"));
        browser.get("/login").then().body(containsString("You have signed out."));
        browser.request().get("/dashboard").then().statusCode(303);

        Response signedIn = browser.logIn(browser.email(), Passwords.STRONG);
        signedIn.then().statusCode(303).header("Location", endsWith("/dashboard"));
        browser.get("/dashboard").then().statusCode(200).body(containsString("Welcome, Linus"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameMessageAndKeepTheEmail() {
        Browser owner = Browser.signedUp("Margaret");
        Browser stranger = new Browser();
        stranger.get("/login");
        Response wrongPassword =
                stranger.postForm("/login", Map.of("email", owner.email(), "password", "not the password at all"));
        wrongPassword
                .then()
                .statusCode(422)
                .body(
                        containsString("match an account. Check them and try again"),
                        containsString("value=\"" + owner.email() + "\""),
                        not(containsString("not the password at all")));
        assertThat(wrongPassword.getCookie(SessionCookie.NAME)).isNull();

        stranger.postForm("/login", Map.of("email", "nobody-" + owner.email(), "password", Passwords.STRONG))
                .then()
                .statusCode(422)
                .body(containsString("match an account. Check them and try again"));

        stranger.htmxPostForm("/login", Map.of("email", owner.email(), "password", "still wrong password"))
                .then()
                .statusCode(422)
                .body(not(containsString("<!DOCTYPE html>")), containsString("match an account"));
    }

    @Test
    void signInReturnsToThePageThatAskedForItButNeverToAnotherSite() {
        Browser owner = Browser.signedUp("Barbara");
        owner.logOut();
        owner.request().get("/settings").then().statusCode(303).header("Location", endsWith("/login?next=%2Fsettings"));

        owner.get("/login?next=/settings").then().body(containsString("value=\"/settings\""));
        owner.postForm("/login", Map.of("email", owner.email(), "password", Passwords.STRONG, "next", "/settings"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/settings"));

        owner.logOut();
        owner.get("/login");
        owner.postForm(
                        "/login",
                        Map.of("email", owner.email(), "password", Passwords.STRONG, "next", "//evil.example/steal"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/dashboard"))
                .header("Location", not(containsString("evil")));
    }

    @Test
    void aNextThatIsNotAnAddressStillSignsInAndGoesToTheDashboard() {
        Browser owner = Browser.signedUp("Nadia Next");
        owner.logOut();
        owner.get("/login");
        // As a browser encodes "/ /x": a space is "+" in a form.
        Response signedIn = owner.request()
                .header("X-CSRF-TOKEN", owner.csrfToken())
                .contentType("application/x-www-form-urlencoded")
                .body("email=" + URLEncoder.encode(owner.email(), StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(Passwords.STRONG, StandardCharsets.UTF_8) + "&next=%2F+%2Fx")
                .post("/login");
        signedIn.then().statusCode(303).header("Location", endsWith("/dashboard"));
        assertThat(signedIn.getCookie(SessionCookie.NAME)).isNotBlank();
        owner.get("/dashboard").then().statusCode(200).body(containsString("Welcome, Nadia Next"));
        owner.request()
                .urlEncodingEnabled(false)
                .get("/login?next=/%20/x")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/dashboard"));
    }

    @Test
    void anEmailLongerThanAnyAccountsIsWrongCredentialsNotAServerError() {
        Browser stranger = new Browser();
        stranger.get("/login");
        stranger.postForm("/login", Map.of("email", "x".repeat(70_000) + "@example.test", "password", "whatever"))
                .then()
                .statusCode(422)
                .body(containsString("match an account"));
    }

    @Test
    void htmxSignInAnswersWithAClientSideRedirect() {
        Browser owner = Browser.signedUp("Frances");
        owner.logOut();
        owner.get("/login");
        owner.htmxPostForm("/login", Map.of("email", owner.email(), "password", Passwords.STRONG))
                .then()
                .statusCode(200)
                .header("HX-Redirect", "/dashboard");
    }

    @Test
    void signOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() {
        Browser browser = new Browser();
        String token = browser.signUp(Browser.uniqueEmail("Edsger"), "Edsger", Passwords.STRONG)
                .getCookie(SessionCookie.NAME);
        browser.logOut();
        // Someone who copied the cookie before sign-out gets nothing with it, and the browser is told to drop it.
        Response replay =
                new Browser().request().cookie(SessionCookie.NAME, token).get("/dashboard");
        replay.then().statusCode(303).header("Location", containsString("/login"));
        assertThat(replay.getDetailedCookie(SessionCookie.NAME).getMaxAge()).isZero();
    }

    @Test
    void signOutWithoutCsrfTokenIsRefused() {
        Browser browser = Browser.signedUp("Tony");
        browser.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("unrelated", "x")
                .post("/logout")
                .then()
                .statusCode(400);
        browser.get("/dashboard").then().statusCode(200);
    }
}
