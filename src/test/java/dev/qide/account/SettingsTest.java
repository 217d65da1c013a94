package dev.qide.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import dev.qide.account.session.UserSession;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SettingsTest {

    @Test
    void settingsPageRendersAsFullPageAndAsFragment() {
        Browser browser = Browser.signedUp("Katherine");
        browser.get("/settings")
                .then()
                .statusCode(200)
                .body(
                        containsString("<!DOCTYPE html>"),
                        containsString("Profile"),
                        containsString("Change password"),
                        containsString("Sign-in methods"),
                        containsString("This one"),
                        containsString("Match my system"));
        browser.htmx()
                .get("/settings")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Profile"));
    }

    @Test
    void nameChangesWithHtmxAndWithAPlainForm() {
        Browser browser = Browser.signedUp("Kay");
        browser.get("/settings");
        browser.htmxPostForm("/settings/profile", Map.of("displayName", "Kay Sparck"))
                .then()
                .statusCode(200)
                .body(
                        not(containsString("<!DOCTYPE html>")),
                        containsString("Your name was saved."),
                        containsString("value=\"Kay Sparck\""),
                        containsString("hx-swap-oob"));

        browser.postForm("/settings/profile", Map.of("displayName", "Kay S. Jones"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/settings"));
        browser.get("/settings").then().body(containsString("Your name was saved."), containsString("Kay S. Jones"));
    }

    @Test
    void emptyNameIsRefusedAndTheOldNameIsKept() {
        Browser browser = Browser.signedUp("Keeper");
        browser.get("/settings");
        browser.htmxPostForm("/settings/profile", Map.of("displayName", "   "))
                .then()
                .statusCode(422)
                .body(containsString("Enter the name people should see."));
        browser.get("/dashboard").then().body(containsString("Welcome, Keeper"));
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndSignsOutOtherSessions() {
        Browser laptop = Browser.signedUp("Radia");
        Browser phone = new Browser();
        phone.logIn(laptop.email(), Passwords.STRONG).then().statusCode(303);

        laptop.get("/settings");
        laptop.htmxPostForm(
                        "/settings/password",
                        Map.of("currentPassword", "a wrong current one", "newPassword", Passwords.ANOTHER_STRONG))
                .then()
                .statusCode(422)
                .body(containsString("That is not your current password."));
        laptop.postForm("/settings/password", Map.of("currentPassword", Passwords.STRONG, "newPassword", "short"))
                .then()
                .statusCode(422)
                .body(containsString("Use at least 10 characters."));
        phone.request().get("/dashboard").then().statusCode(200);

        laptop.htmxPostForm(
                        "/settings/password",
                        Map.of("currentPassword", Passwords.STRONG, "newPassword", Passwords.ANOTHER_STRONG))
                .then()
                .statusCode(200)
                .body(containsString("1 other session was signed out"));

        phone.request().get("/dashboard").then().statusCode(303);
        laptop.request().get("/dashboard").then().statusCode(200);
        new Browser().logIn(laptop.email(), Passwords.STRONG).then().statusCode(422);
        new Browser().logIn(laptop.email(), Passwords.ANOTHER_STRONG).then().statusCode(303);
    }

    @Test
    void themePreferenceIsSavedAndAppliedToEveryPage() {
        Browser browser = Browser.signedUp("Dark Mode Fan");
        browser.get("/dashboard").then().body(containsString("data-qide-theme=\"auto\""));
        browser.get("/settings");
        browser.postForm("/settings/theme", Map.of("theme", "DARK")).then().statusCode(303);
        browser.get("/dashboard").then().body(containsString("data-qide-theme=\"dark\""));
        browser.get("/settings");
        browser.postForm("/settings/theme", Map.of("theme", "purple"))
                .then()
                .statusCode(422)
                .body(containsString("Choose light, dark or match my system."));
        browser.get("/dashboard").then().body(containsString("data-qide-theme=\"dark\""));
    }

    @Test
    void otherSessionsCanBeSignedOut() {
        Browser laptop = Browser.signedUp("Ida");
        Browser tablet = new Browser();
        tablet.logIn(laptop.email(), Passwords.STRONG);
        laptop.get("/settings");
        laptop.postForm("/settings/sessions/end-others", Map.of()).then().statusCode(303);
        laptop.get("/settings").then().body(containsString("Signed out 1 other session."));
        tablet.request().get("/dashboard").then().statusCode(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> UserSession.count("user.email", laptop.email())))
                .isEqualTo(1);
    }
}
