package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Making an API key in a real browser: the form, the secret shown once with its Copy button, revoking. */
@QuarkusTest
class ApiKeysBrowserTest extends BrowserTest {

    @Test
    void aPersonMakesAKeyCopiesItAndRevokesIt() {
        Page page = signUp(Browser.uniqueEmail("keys"), "Key Person");
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));

        page.navigate(root + "settings");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage API keys"))
                .click();
        page.waitForURL("**/settings/api-keys");
        assertThat(page.getByTestId("key-limit")).hasText("0 of 1 keys on the Free plan");
        Locator date = page.getByLabel("Expiry date");
        assertThat(date).isHidden();
        page.getByLabel("Expires").selectOption("date");
        assertThat(date).isVisible();
        page.getByLabel("Expires").selectOption("never");
        Chromium.screenshot(page, "api-keys-01-empty");

        page.getByLabel("Name").fill("Nightly build");
        page.getByLabel("projects:read").check();
        page.getByLabel("runs").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))
                .click();

        Locator secret = page.getByLabel("New API key");
        assertThat(secret).isVisible();
        String value = secret.inputValue();
        assertThat(value).matches(ApiKeys.FORMAT);
        assertThat(page.getByTestId("key-limit")).hasText("1 of 1 keys on the Free plan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copied")))
                .isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(value);
        Chromium.screenshot(page, "api-keys-02-created");

        page.reload();
        assertThat(page.getByLabel("New API key")).hasCount(0);
        assertThat(page.content()).doesNotContain(value);

        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the key Nightly build"))
                .click();
        assertThat(page.getByText("was revoked")).isVisible();
        assertThat(page.getByTestId("key-table")).containsText("revoked");
        Chromium.screenshot(page, "api-keys-03-revoked");
        page.context().close();
    }
}
