package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.qide.billing.BillingAccount;
import dev.qide.billing.FakeStripe;
import dev.qide.billing.FakeStripe.Call;
import dev.qide.billing.StripeProfile;
import dev.qide.support.Browser;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A person upgrades from the billing page and their browser lands on the Checkout session's URL (the fake Stripe's),
 * with and without JavaScript; Manage billing lands on the portal.
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
class BillingBrowserTest extends BrowserTest {

    @Test
    void upgradeTakesTheBrowserToStripeCheckout() {
        FakeStripe stripe = StripeProfile.fakeStripe();
        String email = Browser.uniqueEmail("billing");
        Page page = signUp(email, "Billing Person");
        UUID workspace = QuarkusTransaction.requiringNew()
                .call(() -> WorkspaceMember.<WorkspaceMember>find("user.email", email)
                        .firstResult()
                        .workspace
                        .id);

        page.navigate(root + "billing");
        assertThat(page.getByTestId("subscription-status")).hasText("No subscription");
        Chromium.screenshot(page, "30-billing-free");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Upgrade to Pro").setExact(true))
                .click();

        page.waitForURL(stripe.baseUrl() + "/checkout/**");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Fake Stripe Checkout");
        Chromium.screenshot(page, "31-billing-checkout");
        String sessionId = page.url().substring(page.url().lastIndexOf('/') + 1);
        String customer = QuarkusTransaction.requiringNew()
                .call(() -> BillingAccount.forWorkspace(workspace).orElseThrow().stripeCustomerId);
        List<Call> sessions = stripe.calls("POST", "/v1/checkout/sessions").stream()
                .filter(call -> workspace.toString().equals(call.params().get("client_reference_id")))
                .toList();
        org.assertj.core.api.Assertions.assertThat(sessions).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(sessions.getFirst().params())
                .containsEntry("customer", customer)
                .containsEntry("line_items[0][price]", StripeProfile.PRO_PRICE)
                .containsEntry("mode", "subscription");
        org.assertj.core.api.Assertions.assertThat(sessionId).startsWith("cs_test_fake");

        // Back on the page: Manage billing opens the portal.
        page.navigate(root + "billing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Manage billing"))
                .click();
        page.waitForURL(stripe.baseUrl() + "/portal/**");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Fake Stripe billing portal");
        page.context().close();
    }

    @Test
    void withoutJavaScriptTheFormsRedirectToStripeToo() {
        FakeStripe stripe = StripeProfile.fakeStripe();
        Page signedUp = signUp(Browser.uniqueEmail("nojs"), "No Script");
        Page page = chromium.newPageWithoutJavaScript(signedUp);
        signedUp.context().close();
        page.navigate(root + "billing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upgrade to Pro Plus"))
                .click();
        page.waitForURL(stripe.baseUrl() + "/checkout/**");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Fake Stripe Checkout");
        page.context().close();
    }
}
