package dev.qide.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.qide.account.session.SessionCookie;
import dev.qide.account.session.UserSession;
import dev.qide.account.user.EmailAddress;
import dev.qide.account.user.User;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import dev.qide.support.SignUpMail;
import dev.qide.workspace.WorkspaceKind;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignUpTest {

    private static final String PASSWORD = Passwords.STRONG;

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
    void newPersonIsSentALinkThatMakesTheAccountOnceThePasswordIsGivenAgain() {
        Browser browser = new Browser();
        String email = Browser.uniqueEmail("Ada");
        browser.get("/signup");
        Response sent = browser.postForm(
                "/signup",
                Map.of(
                        "email",
                        "  " + email.toUpperCase() + " ",
                        "displayName",
                        "Ada   Lovelace",
                        "password",
                        PASSWORD));

        sent.then().statusCode(303).header("Location", endsWith("/signup/sent"));
        assertThat(sent.getCookie(SessionCookie.NAME))
                .as("no session before the link")
                .isNull();
        assertThat(userCount(email)).as("no account before the link").isZero();
        browser.get("/signup/sent")
                .then()
                .statusCode(200)
                .body(containsString("Check your inbox"), containsString("We sent an email to " + email));
        browser.request().get("/dashboard").then().statusCode(303).header("Location", containsString("/login"));
        assertThat(SignUpMail.attempts(email)).isEmpty();
        String link = SignUpMail.finishLinks(email).getLast();

        browser.get(link)
                .then()
                .statusCode(200)
                .body(
                        containsString("Finish creating your account"),
                        containsString("Hello Ada Lovelace"),
                        containsString(email),
                        not(containsString(PASSWORD)));
        browser.postForm(
                        "/signup/confirm",
                        Map.of("token", SignUpMail.token(link), "password", Passwords.ANOTHER_STRONG))
                .then()
                .statusCode(422)
                .body(
                        containsString("That is not the password you chose"),
                        not(containsString(Passwords.ANOTHER_STRONG)));
        assertThat(userCount(email)).isZero();

        Response finished =
                browser.postForm("/signup/confirm", Map.of("token", SignUpMail.token(link), "password", PASSWORD));
        finished.then()
                .statusCode(303)
                .header("Location", startsWith("http"))
                .header("Location", containsString("/dashboard"));
        Cookie session = finished.getDetailedCookie(SessionCookie.NAME);
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
                        containsString("Your account is ready"),
                        containsString("No projects yet"),
                        containsString("Personal"),
                        containsString("Free"),
                        not(containsString("Please confirm")));

        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByEmail(email).orElseThrow();
            assertThat(user.displayName).isEqualTo("Ada Lovelace");
            assertThat(user.passwordHash).startsWith("$2").contains("$12$");
            assertThat(user.isEmailVerified())
                    .as("opening the link proved the address")
                    .isTrue();
            var workspace = WorkspaceMember.personalWorkspaceOf(user.id).orElseThrow();
            assertThat(workspace.plan).isEqualTo(PlanId.FREE);
            assertThat(workspace.kind).isEqualTo(WorkspaceKind.PERSONAL);
            assertThat(WorkspaceMember.find(workspace.id, user.id).orElseThrow().role)
                    .isEqualTo(WorkspaceRole.OWNER);
        });

        new Browser().request().get(link).then().statusCode(410).body(containsString("sign-up link doesn"));
        Browser again = new Browser();
        again.get("/signup");
        again.postForm("/signup/confirm", Map.of("token", SignUpMail.token(link), "password", PASSWORD))
                .then()
                .statusCode(410);
        assertThat(userCount(email)).isEqualTo(1);
    }

    @Test
    void htmxSignUpAnswersWithAClientSideRedirect() {
        Browser browser = new Browser();
        String email = Browser.uniqueEmail("htmx");
        browser.get("/signup");
        Response sent =
                browser.htmxPostForm("/signup", Map.of("email", email, "displayName", "Hana", "password", PASSWORD));
        sent.then().statusCode(200).header("HX-Redirect", "/signup/sent");
        assertThat(sent.getCookie(SessionCookie.NAME)).isNull();

        String link = SignUpMail.finishLinks(email).getLast();
        browser.get(link);
        browser.htmxPostForm("/signup/confirm", Map.of("token", SignUpMail.token(link), "password", "wrong password"))
                .then()
                .statusCode(422)
                .body(not(containsString("<!DOCTYPE html>")), containsString("is-invalid"));
        browser.htmxPostForm("/signup/confirm", Map.of("token", SignUpMail.token(link), "password", PASSWORD))
                .then()
                .statusCode(200)
                .header("HX-Redirect", "/dashboard")
                .cookie(SessionCookie.NAME);
    }

    /** What a visitor can observe of the form's answer; the address typed is replaced by {@code <address>}. */
    record Observed(int status, String location, List<String> cookies, String flash, String sentPage) {}

    @Test
    void aRegisteredAddressIsAnsweredExactlyAsANewOneAndOnlyItsOwnerIsTold() {
        Browser owner = Browser.signedUp("Grace");
        User before = QuarkusTransaction.requiringNew()
                .call(() ->
                        User.findByEmail(EmailAddress.normalize(owner.email())).orElseThrow());
        long sessionsBefore = sessionCount(before);
        String newcomer = Browser.uniqueEmail("Newcomer");

        Observed forNew = observe(newcomer, false);
        Observed forRegistered = observe(owner.email().toUpperCase(), false);
        Observed forNewWithHtmx = observe(Browser.uniqueEmail("Newcomer"), true);
        Observed forRegisteredWithHtmx = observe(owner.email(), true);

        assertThat(forRegistered).isEqualTo(forNew);
        assertThat(forNew.status()).isEqualTo(303);
        assertThat(forNew.location()).endsWith("/signup/sent");
        assertThat(forNew.flash()).isEqualTo("We sent an email to <address>. Open the link in it to go on.");
        assertThat(forNew.sentPage()).contains("Check your inbox", "We sent an email to <address>");
        assertThat(forRegisteredWithHtmx).isEqualTo(forNewWithHtmx);
        assertThat(forNewWithHtmx.location()).isEqualTo("/signup/sent");

        // The owner hears of it, with the ways back in; no link that makes an account goes to their address.
        List<String> attempts = SignUpMail.attempts(owner.email());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.getFirst())
                .contains("Hi Grace,", "tried to sign up to Q-IDE with this email address")
                .contains("http://localhost:8081/login", "http://localhost:8081/forgot-password")
                .doesNotContain(PASSWORD)
                .doesNotContain(Passwords.ANOTHER_STRONG);
        assertThat(SignUpMail.finishLinks(owner.email())).hasSize(1); // the one that made the account
        assertThat(SignUpMail.finishLinks(newcomer)).hasSize(1);

        // Nothing about the existing account changed, and the other password does not open it.
        User after = QuarkusTransaction.requiringNew()
                .call(() ->
                        User.findByEmail(EmailAddress.normalize(owner.email())).orElseThrow());
        assertThat(after.id).isEqualTo(before.id);
        assertThat(after.passwordHash).isEqualTo(before.passwordHash);
        assertThat(after.displayName).isEqualTo("Grace");
        assertThat(after.emailVerifiedAt).isEqualTo(before.emailVerifiedAt);
        assertThat(sessionCount(after)).isEqualTo(sessionsBefore);
        assertThat(userCount(owner.email())).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> SignUpRequest.count("email", EmailAddress.normalize(owner.email()))))
                .as("only the sign-up that made the account")
                .isEqualTo(1);
        owner.request().get("/dashboard").then().statusCode(200);
        new Browser().logIn(owner.email(), Passwords.ANOTHER_STRONG).then().statusCode(422);
        new Browser().logIn(owner.email(), PASSWORD).then().statusCode(303);
    }

    /** Sends the sign-up form for {@code email} from a fresh browser and reads what it gets, as a visitor would. */
    private static Observed observe(String email, boolean htmx) {
        Browser visitor = new Browser();
        visitor.get("/signup");
        Map<String, String> form =
                Map.of("email", email, "displayName", "Grace Again", "password", Passwords.ANOTHER_STRONG);
        Response answer = htmx ? visitor.htmxPostForm("/signup", form) : visitor.postForm("/signup", form);
        String address = EmailAddress.normalize(email);
        String location = htmx ? answer.getHeader("HX-Redirect") : answer.getHeader("Location");
        List<String> cookies = answer.getDetailedCookies().asList().stream()
                .map(cookie -> cookie.getName() + (cookie.isHttpOnly() ? ";HttpOnly" : "") + ";" + cookie.getSameSite())
                .sorted()
                .toList();
        String flash = Optional.ofNullable(answer.getCookie("qide_flash"))
                .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8))
                .map(text -> text.replaceFirst("^info\\|", "").replace(address, "<address>"))
                .orElse(null);
        String page = visitor.get("/signup/sent").asString().replace(address, "<address>");
        if (visitor.csrfToken() != null) {
            page = page.replace(visitor.csrfToken(), "<csrf>");
        }
        return new Observed(answer.statusCode(), location, cookies, flash, page);
    }

    private static long userCount(String email) {
        return QuarkusTransaction.requiringNew().call(() -> User.count("email", EmailAddress.normalize(email)));
    }

    private static long sessionCount(User user) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.count("user.id", user.id));
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
        Response sent = browser.postForm(
                "/signup",
                Map.of("email", email, "displayName", "Invited", "password", PASSWORD, "next", "/invites/abc"));
        sent.then().statusCode(303).header("Location", endsWith("/signup/sent"));
        browser.finishSignUp(sent, email, PASSWORD, 0)
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
        String elsewhere = Browser.uniqueEmail("Elsewhere");
        other.get("/signup");
        Response otherSent = other.postForm(
                "/signup",
                Map.of(
                        "email",
                        elsewhere,
                        "displayName",
                        "Elsewhere",
                        "password",
                        PASSWORD,
                        "next",
                        "//evil.example/steal"));
        other.finishSignUp(otherSent, elsewhere, PASSWORD, 0)
                .then()
                .statusCode(303)
                .header("Location", endsWith("/dashboard"));
    }
}
