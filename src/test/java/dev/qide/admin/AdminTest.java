package dev.qide.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.qide.account.user.User;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Platform admins are the QIDE_ADMIN_EMAILS people, once they have proved the address is theirs. */
@QuarkusTest
class AdminTest {

    @Test
    void listedAdminWhoseSignUpProvedTheAddressSeesTheOverviewAndTheNavigationLink() {
        Browser admin = new Browser();
        // Signing up goes through the link mailed to the address, so the account is made with the address proved.
        admin.signUp("admin@qide.test", "Operator", Passwords.STRONG);

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
    void unprovedAdminAddressesAndOrdinaryUsersAreRefused() {
        // Claiming an admin's address on the sign-up form, without its mail, makes no account and no session.
        Browser claimed = new Browser();
        claimed.get("/signup");
        claimed.postForm(
                        "/signup",
                        Map.of(
                                "email",
                                "root@qide.test",
                                "displayName",
                                "Claims To Be Root",
                                "password",
                                Passwords.STRONG))
                .then()
                .statusCode(303);
        claimed.request().get("/admin").then().statusCode(303).header("Location", containsString("/login"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> User.count("email", "root@qide.test")))
                .isZero();

        // An account from before addresses were proved at sign-up, on a listed address it never confirmed.
        Browser unconfirmed = new Browser();
        unconfirmed.signUp("root@qide.test", "Root Unconfirmed", Passwords.STRONG);
        QuarkusTransaction.requiringNew()
                .run(() -> User.update("emailVerifiedAt = null where email = ?1", "root@qide.test"));
        unconfirmed.request().get("/admin").then().statusCode(403);
        unconfirmed.get("/dashboard").then().body(not(containsString("href=\"/admin\"")));

        Browser.signedUp("Ordinary").request().get("/admin").then().statusCode(403);
    }
}
