package dev.qide.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.qide.support.Passwords;
import dev.qide.support.SignUpMail;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** A browser suite: one Chromium for the class, and the address of the application under test. */
@Tag("browser")
abstract class BrowserTest {

    @TestHTTPResource("/")
    URL root;

    static Chromium chromium;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    /**
     * A new person signs up in a fresh browser profile: the form, then the link mailed to them, where they give the
     * password again. The page is left on their dashboard.
     */
    Page signUp(String email, String name) {
        Page page = chromium.newPage();
        page.navigate(root + "signup");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Your name").fill(name);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Passwords.STRONG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        page.waitForURL("**/signup/sent");
        openFinishLink(page, email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Passwords.STRONG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account"))
                .click();
        page.waitForURL("**/dashboard");
        return page;
    }

    /** Opens the newest sign-up link mailed to {@code email}, as a click in the mail would. */
    void openFinishLink(Page page, String email) {
        String link = SignUpMail.newFinishLink(email, 0);
        if (link == null) {
            throw new AssertionError("No sign-up link was mailed to " + email);
        }
        page.navigate(root + link.substring(1));
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
