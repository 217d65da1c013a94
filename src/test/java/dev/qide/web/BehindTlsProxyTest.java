package dev.qide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import dev.qide.account.session.SessionCookie;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import dev.qide.support.SignUpMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a TLS-terminating proxy (QIDE_BEHIND_PROXY=true): HSTS on, and cookies only over HTTPS. */
@QuarkusTest
@TestProfile(BehindTlsProxyTest.BehindProxy.class)
class BehindTlsProxyTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("QIDE_BEHIND_PROXY", "true");
        }
    }

    @Test
    void httpsRequestsGetHstsAndSecureCookies() {
        Browser browser = new Browser();
        browser.request()
                .header("X-Forwarded-Proto", "https")
                .get("/login")
                .then()
                .statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age=31536000"));

        Response form = browser.get("/signup");
        assertThat(form.getDetailedCookie("csrf-token").isSecured()).isTrue();
        assertThat(form.getDetailedCookie("csrf-token").getSameSite()).isEqualToIgnoringCase("Lax");
        // A real browser behind the proxy speaks HTTPS and sends its Secure cookies; this test client speaks HTTP to
        // the proxy's port, so it hands the cookie over itself.
        String email = Browser.uniqueEmail("tls");
        browser.request()
                .header("X-Forwarded-Proto", "https")
                .cookie("csrf-token", browser.csrfToken())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", browser.csrfToken())
                .formParam("email", email)
                .formParam("displayName", "Tls")
                .formParam("password", Passwords.STRONG)
                .post("/signup")
                .then()
                .statusCode(303);
        Response signedUp = browser.request()
                .header("X-Forwarded-Proto", "https")
                .cookie("csrf-token", browser.csrfToken())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", browser.csrfToken())
                .formParam(
                        "token", SignUpMail.token(SignUpMail.finishLinks(email).getLast()))
                .formParam("password", Passwords.STRONG)
                .post("/signup/confirm");
        signedUp.then().statusCode(303);
        assertThat(signedUp.getDetailedCookie(SessionCookie.NAME).isSecured()).isTrue();
        assertThat(signedUp.getDetailedCookie(SessionCookie.NAME).isHttpOnly()).isTrue();
    }

    @Test
    void plainHttpRequestsGetNoHsts() {
        new Browser().request().get("/login").then().header("Strict-Transport-Security", nullValue());
    }
}
