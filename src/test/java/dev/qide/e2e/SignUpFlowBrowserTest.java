package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What a newcomer does in a real browser: sign up, look around, sign out, sign back in. */
@QuarkusTest
class SignUpFlowBrowserTest extends BrowserTest {

    @Test
    void newcomerSignsUpConfirmsByEmailLandsOnTheDashboardSignsOutAndSignsBackIn() {
        String email = Browser.uniqueEmail("grace");
        Page page = chromium.newPage();
        page.navigate(root + "signup");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Your name").fill("Grace Hopper");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Passwords.STRONG);
        Chromium.screenshot(page, "01-signup-filled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();

        page.waitForURL("**/signup/sent");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your inbox")))
                .isVisible();
        assertThat(page.getByTestId("flash")).containsText("We sent an email to " + email);
        Chromium.screenshot(page, "01b-check-your-inbox");
        openFinishLink(page, email);
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Finish creating your account")))
                .isVisible();
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Passwords.STRONG);
        Chromium.screenshot(page, "01c-finish-sign-up");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account"))
                .click();

        page.waitForURL("**/dashboard");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Grace Hopper")))
                .isVisible();
        assertThat(page.getByTestId("flash")).containsText("Welcome to Q-IDE");
        assertThat(page.getByTestId("current-plan")).containsText("Free");
        Chromium.screenshot(page, "02-dashboard-after-signup");

        Chromium.signOut(page);
        page.waitForURL("**/login");
        assertThat(page.getByTestId("flash")).containsText("You have signed out.");
        Chromium.screenshot(page, "03-signed-out");

        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Passwords.STRONG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/dashboard");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Grace Hopper")))
                .isVisible();
        page.context().close();
    }

    @Test
    void formErrorsAppearInPlaceAndKeepWhatWasTyped() {
        Page page = chromium.newPage();
        page.navigate(root + "signup");
        page.getByLabel("Email").fill("not-an-email");
        page.getByLabel("Your name").fill("Typed Name");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();

        assertThat(page.getByText("Enter an email address like name@example.com."))
                .isVisible();
        assertThat(page.getByText("Use at least 10 characters.")).isVisible();
        assertThat(page.getByLabel("Your name")).hasValue("Typed Name");
        assertThat(page.getByLabel("Email")).hasValue("not-an-email");
        assertThat(page).hasURL(root + "signup");
        Chromium.screenshot(page, "04-signup-errors");

        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("abc");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show password"))
                .click();
        assertThat(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("type", "text");
        page.context().close();
    }

    @Test
    void settingsSaveInPlaceAndTheDarkThemeAppliesEverywhere() {
        Page page = signedUpPage("Theme Person");
        page.navigate(root + "settings");
        page.getByLabel("Your name").fill("Theme P. Person");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save name"))
                .click();
        assertThat(page.getByText("Your name was saved.")).isVisible();
        assertThat(page.locator("#nav-user-name")).hasText("Theme P. Person");

        page.getByLabel("Dark").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save theme"))
                .click();
        page.waitForURL("**/settings");
        assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
        Chromium.screenshot(page, "05-settings-dark");
        page.navigate(root + "dashboard");
        assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
        Chromium.screenshot(page, "06-dashboard-dark");
        page.navigate(root + "pricing");
        Chromium.screenshot(page, "07-pricing-dark");
        page.context().close();
    }

    @Test
    void anExpiredSessionDuringAnHtmxActionGoesToSignInAndComesBack() {
        Page page = signedUpPage("Expiring");
        page.navigate(root + "settings");
        page.context()
                .clearCookies(
                        new com.microsoft.playwright.BrowserContext.ClearCookiesOptions().setName("qide_session"));
        page.getByLabel("Your name").fill("Too Late");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save name"))
                .click();
        page.waitForURL("**/login?next=%2Fsettings");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome back")))
                .isVisible();
        assertThat(page.locator("form .form-control")).not().hasCount(0);
        page.context().close();
    }

    @Test
    void visitorPagesLookRight() {
        Page page = chromium.newPage();
        page.navigate(root.toString());
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start free")))
                .isVisible();
        Chromium.screenshot(page, "08-home");
        page.navigate(root + "pricing");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("LLM requests / day");
        Chromium.screenshot(page, "09-pricing");
        page.navigate(root + "login");
        Chromium.screenshot(page, "10-login");
        page.navigate(root + "no/such/page");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();
        Chromium.screenshot(page, "11-not-found");
        page.context().close();
    }

    private Page signedUpPage(String name) {
        return signUp(Browser.uniqueEmail(name), name);
    }
}
