package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Single sign-on end to end: the button on /login, Keycloak's own sign-in page, back to the dashboard. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakServer.class, restrictToAnnotatedClass = true)
class KeycloakSignInBrowserTest extends BrowserTest {

    @Test
    void personSignsInWithKeycloakAndLandsOnTheDashboard() {
        Page page = chromium.newPage();
        page.navigate(root + "login");
        Chromium.screenshot(page, "20-login-with-sso-button");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Sign in with " + KeycloakServer.BUTTON_LABEL))
                .click();

        signInAtKeycloak(page, "alice", "alice-sso-password-42");
        page.waitForURL("**/dashboard", new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Alice Keycloak")))
                .isVisible();
        assertThat(page.getByTestId("current-plan")).containsText("Free");
        Chromium.screenshot(page, "21-dashboard-after-sso");
        assertThat(page.context().cookies().stream().map(cookie -> cookie.name))
                .as("the provider's session is swapped for a Q-IDE session")
                .contains("qide_session")
                .noneMatch(name -> name.startsWith("q_session"));

        page.navigate(root + "settings");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Sign-in methods")))
                .containsText("alice.keycloak@example.test");

        // Signing out of Q-IDE and in again with the same Keycloak account finds the same Q-IDE account.
        Chromium.signOut(page);
        page.waitForURL("**/login");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Sign in with " + KeycloakServer.BUTTON_LABEL))
                .click();
        page.waitForURL("**/dashboard", new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Alice Keycloak")))
                .isVisible();
        page.context().close();
    }

    @Test
    void signInFromAProtectedPageComesBackToIt() {
        Page page = chromium.newPage();
        page.navigate(root + "teams");
        page.waitForURL("**/login?next=%2Fteams");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Sign in with " + KeycloakServer.BUTTON_LABEL))
                .click();
        signInAtKeycloak(page, "alice", "alice-sso-password-42");
        page.waitForURL("**/teams", new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Teams").setExact(true)))
                .isVisible();
        page.context().close();
    }

    @Test
    void anUnconfirmedEmailAtTheProviderIsRefusedWithAClearMessage() {
        Page page = chromium.newPage();
        page.navigate(root + "login");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Sign in with " + KeycloakServer.BUTTON_LABEL))
                .click();
        signInAtKeycloak(page, "bob", "bob-sso-password-42");
        page.waitForURL("**/login", new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.getByTestId("flash")).containsText("has not confirmed that bob.unverified@example.test");
        Chromium.screenshot(page, "22-sso-refused");
        page.context().close();
    }

    private static void signInAtKeycloak(Page page, String username, String password) {
        page.waitForURL("**/realms/" + KeycloakServer.REALM + "/**", new Page.WaitForURLOptions().setTimeout(60_000));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }
}
