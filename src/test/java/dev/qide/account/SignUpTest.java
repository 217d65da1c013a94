package dev.qide.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import dev.qide.workspace.WorkspaceKind;
import dev.qide.workspace.WorkspaceMember;
import dev.qide.workspace.WorkspaceRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignUpTest {

    @Test
    void signUpPageRendersAsFullPageAndAsFragment() {
        Browser browser = new Browser();
        browser.get("/signup")
                .then()
                .statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(
                        containsString("<!DOCTYPE html>"),
                        containsString("Create your account"),
                        containsString("name=\"csrf-token\""));
        browser.htmx()
                .get("/signup")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Create your account"));
    }

    @Test
    void newPersonSignsUpLandsOnDashboardWithPersonalFreeWorkspace() {
        Browser browser = new Browser();
        String email = Browser.uniqueEmail("Ada");
        Response response = browser.signUp("  " + email.toUpperCase() + " ", "Ada   Lovelace", Passwords.STRONG);

        response.then()
                .statusCode(303)
                .header("Location", startsWith("http"))
                .header("Location", containsString("/dashboard"));
        Cookie session = response.getDetailedCookie(SessionCookie.NAME);
        assertThat(session.getValue()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(session.isSecured())
                .as("plain HTTP in tests: no Secure flag")
                .isFalse();

        browser.get("/dashboard")
                .then()
                .statusCode(200)
                .body(
                        containsString("Welcome, Ada Lovelace"),
                        containsString("data-testid=\"flash\""),
                        containsString("No projects yet"),
                        containsString("Personal"),
                        containsString("Free"));

        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByEmail(email).orElseThrow();
            assertThat(user.displayName).isEqualTo("Ada Lovelace");
            assertThat(user.passwordHash).startsWith("$2").contains("$12$");
            assertThat(user.isEmailVerified()).isFalse();
            var workspace = WorkspaceMember.personalWorkspaceOf(user.id).orElseThrow();
            assertThat(workspace.plan).isEqualTo(PlanId.FREE);
            assertThat(workspace.kind).isEqualTo(WorkspaceKind.PERSONAL);
            assertThat(WorkspaceMember.find(workspace.id, user.id).orElseThrow().role)
                    .isEqualTo(WorkspaceRole.OWNER);
        });
    }

    @Test
    void htmxSignUpAnswersWithAClientSideRedirect() {
        Browser browser = new Browser();
        browser.get("/signup");
        browser.htmxPostForm(
                        "/signup",
                        Map.of(
                                "email",
                                Browser.uniqueEmail("htmx"),
                                "displayName",
                                "Hana",
                                "password",
                                Passwords.STRONG))
                .then()
                .statusCode(200)
                .header("HX-Redirect", "/dashboard")
                .cookie(SessionCookie.NAME);
    }

    @Test
    void duplicateEmailIsRefusedAndWhatWasTypedIsKept() {
        Browser first = Browser.signedUp("Grace");
        Browser second = new Browser();
        second.get("/signup");
        Response refused = second.postForm(
                "/signup",
                Map.of(
                        "email",
                        first.email().toUpperCase(),
                        "displayName",
                        "Grace Again",
                        "password",
                        Passwords.STRONG));
        assertThat(refused.getCookie(SessionCookie.NAME))
                .as("no session for a refused sign-up")
                .isNull();
        refused.then()
                .statusCode(422)
                .body(
                        containsString("An account with this email already exists"),
                        containsString("value=\"" + first.email().toUpperCase() + "\""),
                        containsString("value=\"Grace Again\""),
                        not(containsString(Passwords.STRONG)),
                        containsString("<!DOCTYPE html>"));

        second.htmxPostForm(
                        "/signup",
                        Map.of("email", first.email(), "displayName", "Grace Again", "password", Passwords.STRONG))
                .then()
                .statusCode(422)
                .body(
                        not(containsString("<!DOCTYPE html>")),
                        containsString("An account with this email already exists"),
                        containsString("is-invalid"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> User.count("email", first.email())))
                .isEqualTo(1);
    }

    @Test
    void weakPasswordsAndBadFieldsAreRefusedWithMessagesAndNothingIsCreated() {
        Browser browser = new Browser();
        browser.get("/signup");
        String email = Browser.uniqueEmail("weak");
        browser.postForm("/signup", Map.of("email", email, "displayName", "Weak", "password", "short"))
                .then()
                .statusCode(422)
                .body(containsString("Use at least 10 characters."));
        browser.postForm("/signup", Map.of("email", email, "displayName", "Weak", "password", "password123"))
                .then()
                .statusCode(422)
                .body(containsString("too easy to guess"));
        browser.postForm("/signup", Map.of("email", "not-an-email", "displayName", " ", "password", Passwords.STRONG))
                .then()
                .statusCode(422)
                .body(
                        containsString("Enter an email address like name@example.com."),
                        containsString("Enter the name people should see."));
        assertThat(QuarkusTransaction.requiringNew().call(() -> User.count("email", email)))
                .isZero();
    }

    @Test
    void signUpWithoutCsrfTokenIsRefusedAndCreatesNothing() {
        Browser browser = new Browser();
        String email = Browser.uniqueEmail("nocsrf");
        browser.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("email", email)
                .formParam("displayName", "No Token")
                .formParam("password", Passwords.STRONG)
                .post("/signup")
                .then()
                .statusCode(400)
                .body(containsString("reload the page"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> User.count("email", email)))
                .isZero();
    }

    @Test
    void signedInPeopleAreSentFromSignUpToTheirDashboard() {
        Browser browser = Browser.signedUp("Already");
        browser.request().get("/signup").then().statusCode(303).header("Location", containsString("/dashboard"));
        browser.htmx().get("/signup").then().statusCode(200).header("HX-Redirect", equalTo("/dashboard"));
    }

    @Test
    void signUpFillsInTheEmailItWasGivenAndReturnsToASafeNext() {
        Browser browser = new Browser();
        String email = Browser.uniqueEmail("Invited");
        browser.request()
                .queryParam("next", "/invites/abc")
                .queryParam("email", email)
                .get("/signup")
                .then()
                .statusCode(200)
                .body(
                        containsString("value=\"" + email + "\""),
                        containsString("name=\"next\" value=\"/invites/abc\""),
                        containsString("href=\"/login?next=%2Finvites%2Fabc\""));
        browser.get("/signup");
        browser.postForm(
                        "/signup",
                        Map.of(
                                "email",
                                email,
                                "displayName",
                                "Invited",
                                "password",
                                Passwords.STRONG,
                                "next",
                                "/invites/abc"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/invites/abc"));
        browser.request()
                .queryParam("next", "/invites/abc")
                .get("/signup")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/invites/abc"));

        Browser other = new Browser();
        other.get("/signup");
        other.postForm(
                        "/signup",
                        Map.of(
                                "email",
                                Browser.uniqueEmail("Elsewhere"),
                                "displayName",
                                "Elsewhere",
                                "password",
                                Passwords.STRONG,
                                "next",
                                "//evil.example/steal"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/dashboard"));
    }
}
