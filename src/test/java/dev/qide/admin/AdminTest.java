package dev.qide.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Platform admins are the QIDE_ADMIN_EMAILS people, once they have proved the address is theirs. */
@QuarkusTest
class AdminTest {

    private static final Pattern VERIFY_LINK = Pattern.compile("(/verify-email\\?token=[A-Za-z0-9_%-]+)");

    @Inject
    MockMailbox mailbox;

    @Test
    void listedAdminWithConfirmedEmailSeesTheOverviewAndTheNavigationLink() {
        Browser admin = new Browser();
        admin.signUp("admin@qide.test", "Operator", Passwords.STRONG);
        admin.get("/dashboard").then().body(not(containsString("href=\"/admin\"")));
        admin.request().get("/admin").then().statusCode(403);

        Matcher link = VERIFY_LINK.matcher(
                mailbox.getMailsSentTo("admin@qide.test").getLast().getText());
        link.find();
        admin.request().get(link.group(1)).then().statusCode(303);

        admin.get("/dashboard").then().body(containsString("href=\"/admin\""));
        admin.get("/admin")
                .then()
                .statusCode(200)
                .body(
                        containsString("Platform overview"),
                        containsString("data-testid=\"stat-users\""),
                        containsString("admin@qide.test"),
                        containsString("FREE"));
        admin.htmx()
                .get("/admin")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Platform overview"));
    }

    @Test
    void unconfirmedAdminAddressAndOrdinaryUsersAreRefused() {
        Browser claimed = new Browser();
        claimed.signUp("root@qide.test", "Claims To Be Root", Passwords.STRONG);
        claimed.request().get("/admin").then().statusCode(403);
        claimed.get("/dashboard").then().body(not(containsString("href=\"/admin\"")));

        Browser.signedUp("Ordinary").request().get("/admin").then().statusCode(403);
    }
}
