package dev.qide.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import dev.qide.account.user.User;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmailLinksTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8081(/[a-z-]+\\?token=[A-Za-z0-9_%-]+)");

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @Test
    void anUnconfirmedAddressIsSentAConfirmationLinkThatConfirmsItOnce() {
        Browser browser = Browser.signedUp("Mary");
        unconfirm(browser);
        browser.get("/dashboard").then().body(containsString("Please confirm"));
        browser.postForm("/verify-email/resend", Map.of()).then().statusCode(303);
        String link = linkIn(browser.email(), "Confirm your email");

        browser.request().get(link).then().statusCode(303).header("Location", endsWith("/dashboard"));
        browser.get("/dashboard").then().body(containsString("is confirmed"));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() ->
                                User.findByEmail(browser.email()).orElseThrow().isEmailVerified()))
                .isTrue();

        browser.request().get(link).then().statusCode(410).body(containsString("confirmation link doesn"));
        browser.request().get("/verify-email?token=made-up").then().statusCode(410);
    }

    @Test
    void confirmationLinkCanBeSentAgainButNotFlooded() {
        Browser browser = Browser.signedUp("Resend");
        unconfirm(browser);
        browser.get("/dashboard");
        browser.postForm("/verify-email/resend", Map.of()).then().statusCode(303);
        browser.get("/dashboard");
        browser.postForm("/verify-email/resend", Map.of()).then().statusCode(303);
        browser.get("/dashboard").then().body(containsString("less than a minute ago"));
        assertThat(mailbox.getMailsSentTo(browser.email()))
                .filteredOn(mail -> mail.getSubject().startsWith("Confirm your email"))
                .hasSize(1);
    }

    @Test
    void signingUpProvesTheAddressSoNoConfirmationIsAsked() {
        Browser browser = Browser.signedUp("Proved");
        browser.get("/dashboard").then().body(not(containsString("Please confirm")));
        assertThat(mailbox.getMailsSentTo(browser.email()))
                .noneMatch(mail -> mail.getSubject().startsWith("Confirm your email"));
    }

    /** Makes the browser's account one from before sign-up proved addresses: its address was never confirmed. */
    private static void unconfirm(Browser browser) {
        QuarkusTransaction.requiringNew()
                .run(() -> User.update("emailVerifiedAt = null where email = ?1", browser.email()));
    }

    @Test
    void forgottenPasswordIsResetByEmailLinkAndEverySessionEnds() {
        Browser owner = Browser.signedUp("Hedy");
        Browser other = new Browser();
        other.get("/forgot-password").then().statusCode(200).body(containsString("Forgot your password?"));
        other.htmxPostForm("/forgot-password", Map.of("email", owner.email()))
                .then()
                .statusCode(200)
                .body(containsString("sent it a link to choose a new password"));
        String link = linkIn(owner.email(), "Reset your Q-IDE password");

        other.get(link).then().statusCode(200).body(containsString("Choose a new password"));
        String token = link.substring(link.indexOf("token=") + 6);
        other.postForm("/reset-password", Map.of("token", token, "password", "short"))
                .then()
                .statusCode(422)
                .body(containsString("Use at least 10 characters."));
        other.postForm("/reset-password", Map.of("token", token, "password", Passwords.ANOTHER_STRONG))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/dashboard"));

        other.get("/dashboard").then().statusCode(200).body(containsString("Welcome, Hedy"));
        owner.request().get("/dashboard").then().statusCode(303);
        new Browser().logIn(owner.email(), Passwords.STRONG).then().statusCode(422);
        new Browser().logIn(owner.email(), Passwords.ANOTHER_STRONG).then().statusCode(303);
        other.request().get(link).then().statusCode(410);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() ->
                                User.findByEmail(owner.email()).orElseThrow().isEmailVerified()))
                .as("reading mail sent to the address proves it")
                .isTrue();
    }

    @Test
    void resetRequestForUnknownAddressLooksTheSameAndSendsNothing() {
        Browser stranger = new Browser();
        stranger.get("/forgot-password");
        String unknown = Browser.uniqueEmail("nobody");
        stranger.postForm("/forgot-password", Map.of("email", unknown))
                .then()
                .statusCode(200)
                .body(containsString("If an account uses that address"));
        assertThat(mailbox.getMailsSentTo(unknown)).isNullOrEmpty();
        stranger.postForm("/forgot-password", Map.of("email", "not an address"))
                .then()
                .statusCode(422)
                .body(containsString("Enter an email address like"));
    }

    private String linkIn(String to, String subject) {
        List<Mail> mails = mailbox.getMailsSentTo(to);
        assertThat(mails).isNotNull();
        Mail mail = mails.stream()
                .filter(m -> m.getSubject().contains(subject))
                .reduce((first, second) -> second)
                .orElseThrow();
        Matcher matcher = LINK.matcher(mail.getText());
        assertThat(matcher.find()).as("a link in: %s", mail.getText()).isTrue();
        return matcher.group(1);
    }
}
