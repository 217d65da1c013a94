package dev.qide.billing;

import static dev.qide.billing.StripeProfile.stripe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.qide.billing.FakeStripe.Call;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Upgrade, Manage billing and invoices, from the page and the JSON API, against the fake Stripe. */
@QuarkusTest
@TestProfile(StripeProfile.class)
class CheckoutTest {

    @Test
    void upgradeSendsTheOwnerToCheckoutForThePlansPriceWithTheWorkspacesCustomer() {
        Browser browser = Browser.signedUp("Buyer");
        UUID workspace = browser.workspaceId();
        browser.get("/billing").then().statusCode(200).body(containsString("Upgrade to Pro"));

        Response response = browser.postForm("/billing/checkout", Map.of("plan", "PRO"));

        assertThat(response.statusCode()).isEqualTo(303);
        Call session = lastSessionOf(workspace);
        assertThat(response.header("Location")).isEqualTo(stripe.baseUrl() + "/checkout/" + sessionIdOf(response));
        String customer = Billing.customerOf(workspace);
        assertThat(customersCreatedFor(workspace)).hasSize(1);
        assertThat(session.params())
                .containsEntry("mode", "subscription")
                .containsEntry("customer", customer)
                .containsEntry("client_reference_id", workspace.toString())
                .containsEntry("metadata[workspace_id]", workspace.toString())
                .containsEntry("subscription_data[metadata][workspace_id]", workspace.toString())
                .containsEntry("line_items[0][price]", StripeProfile.PRO_PRICE)
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[1][price]", StripeProfile.PRO_OVERAGE_PRICE)
                .containsEntry("subscription_data[trial_period_days]", "14")
                .containsEntry("allow_promotion_codes", "true")
                .containsEntry("success_url", "http://localhost:8081/billing?checkout=success")
                .containsEntry("cancel_url", "http://localhost:8081/billing?checkout=cancelled");

        // Again, through htmx, for another plan: the same customer, and a client-side redirect.
        browser.get("/billing");
        Response again = browser.htmxPostForm("/billing/checkout", Map.of("plan", "pro-plus"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("HX-Redirect")).startsWith(stripe.baseUrl() + "/checkout/cs_test_fake");
        assertThat(customersCreatedFor(workspace)).hasSize(1);
        assertThat(lastSessionOf(workspace).params())
                .containsEntry("customer", customer)
                .containsEntry("line_items[0][price]", StripeProfile.PRO_PLUS_PRICE)
                .doesNotContainKey("line_items[1][price]");
    }

    @Test
    void theTrialIsOfferedOncePerWorkspace() {
        Browser browser = Browser.signedUp("Second Timer");
        UUID workspace = browser.workspaceId();
        browser.get("/billing");
        browser.postForm("/billing/checkout", Map.of("plan", "PRO")).then().statusCode(303);
        assertThat(lastSessionOf(workspace).params()).containsEntry("subscription_data[trial_period_days]", "14");
        // A subscription with a trial was made once (what the webhook records from Stripe's subscription).
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> BillingAccount.update("trialUsed = true where workspaceId = ?1", workspace));

        browser.get("/billing");
        browser.postForm("/billing/checkout", Map.of("plan", "PRO")).then().statusCode(303);

        assertThat(lastSessionOf(workspace).params()).doesNotContainKey("subscription_data[trial_period_days]");
    }

    @Test
    void teamsIsSoldPerSeatAndNeverBelowItsMinimum() {
        Browser browser = Browser.signedUp("Team Buyer");
        UUID workspace = browser.workspaceId();
        browser.get("/billing");
        browser.postForm("/billing/checkout", Map.of("plan", "TEAMS")).then().statusCode(303);
        assertThat(lastSessionOf(workspace).params())
                .containsEntry("line_items[0][price]", StripeProfile.TEAMS_PRICE)
                .containsEntry("line_items[0][quantity]", "5");
    }

    @Test
    void aPlanThatIsNotForSaleOrNoPlanAtAllComesBackWithAMessage() {
        Browser browser = Browser.signedUp("Enterprise Wisher");
        browser.get("/billing").then().body(not(containsString("Upgrade to Enterprise")));
        Response response = browser.postForm("/billing/checkout", Map.of("plan", "ENTERPRISE"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/billing");
        browser.get("/billing").then().body(containsString("The Enterprise plan is not for sale."));

        browser.postForm("/billing/checkout", Map.of("plan", "GOLD")).then().statusCode(303);
        browser.get("/billing").then().body(containsString("Choose a plan to upgrade to."));
    }

    @Test
    void manageBillingOpensThePortalWhichReturnsToTheBillingPage() {
        Browser browser = Browser.signedUp("Manager");
        UUID workspace = browser.workspaceId();
        browser.get("/billing");
        browser.postForm("/billing/portal", Map.of()).then().statusCode(303);
        browser.get("/billing").then().body(containsString("There is no subscription to manage yet"));

        browser.postForm("/billing/checkout", Map.of("plan", "PRO")).then().statusCode(303);
        browser.get("/billing").then().body(containsString("Manage billing"));
        Response portal = browser.postForm("/billing/portal", Map.of());

        assertThat(portal.statusCode()).isEqualTo(303);
        assertThat(portal.header("Location")).startsWith(stripe.baseUrl() + "/portal/bps_fake");
        Call call = stripe.calls("POST", "/v1/billing_portal/sessions").getLast();
        assertThat(call.params())
                .containsEntry("customer", Billing.customerOf(workspace))
                .containsEntry("return_url", "http://localhost:8081/billing");

        String url = browser.api()
                .get("/api/billing/portal")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        assertThat(url).startsWith(stripe.baseUrl() + "/portal/bps_fake");
    }

    @Test
    void invoicesAreListedWithLinksToStripe() {
        Browser browser = Browser.signedUp("Invoice Reader");
        UUID workspace = browser.workspaceId();
        browser.get("/billing").then().body(not(containsString("QIDE-0042")));
        browser.postForm("/billing/checkout", Map.of("plan", "PRO")).then().statusCode(303);
        String invoice = stripe.addPaidInvoice(Billing.customerOf(workspace), "QIDE-0042", 1900);

        browser.get("/billing")
                .then()
                .statusCode(200)
                .body(containsString("<html"))
                .body(containsString("QIDE-0042"))
                .body(containsString("$19.00"))
                .body(containsString("https://invoice.stripe.com/i/acct_fake/" + invoice))
                .body(containsString("https://pay.stripe.com/invoice/acct_fake/" + invoice + "/pdf"));
        browser.htmx()
                .get("/billing")
                .then()
                .statusCode(200)
                .body(not(containsString("<html")))
                .body(containsString("QIDE-0042"));

        browser.api()
                .get("/api/billing/invoices")
                .then()
                .statusCode(200)
                .body("invoices[0].number", org.hamcrest.Matchers.equalTo("QIDE-0042"))
                .body("invoices[0].amount", org.hamcrest.Matchers.equalTo(1900))
                .body("invoices[0].status", org.hamcrest.Matchers.equalTo("paid"))
                .body("invoices[0].hosted_invoice_url", containsString(invoice));
        String key = ApiKeys.create(browser, "billing reader", "billing:read");
        ApiKeys.bearer(key)
                .get("/api/billing/invoices")
                .then()
                .statusCode(200)
                .body("invoices[0].number", org.hamcrest.Matchers.equalTo("QIDE-0042"));
        ApiKeys.bearer(key).get("/api/billing/subscription").then().statusCode(200);
    }

    @Test
    void theJsonApiCreatesACheckoutSessionForAPriceOfOurs() {
        Browser browser = Browser.signedUp("Api Buyer");
        UUID workspace = browser.workspaceId();
        browser.get("/billing");

        Response response = browser.api().post("/api/billing/create-checkout-session/" + StripeProfile.PRO_PRICE);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        String sessionId = response.path("session_id");
        assertThat(sessionId).startsWith("cs_test_fake");
        assertThat((String) response.path("url")).isEqualTo(stripe.baseUrl() + "/checkout/" + sessionId);
        assertThat(lastSessionOf(workspace).params()).containsEntry("line_items[0][price]", StripeProfile.PRO_PRICE);

        browser.api()
                .post("/api/billing/create-checkout-session/price_somebody_elses")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("No plan is sold at that price."));

        String key = ApiKeys.create(browser, "reader", "billing:read");
        ApiKeys.bearer(key)
                .post("/api/billing/create-checkout-session/" + StripeProfile.PRO_PRICE)
                .then()
                .statusCode(403);
        ApiKeys.bearer(key).get("/api/billing/portal").then().statusCode(403);
        ApiKeys.bearer(key)
                .get("/api/billing/subscription")
                .then()
                .statusCode(200)
                .body("billing_configured", org.hamcrest.Matchers.equalTo(true))
                .body("plan", org.hamcrest.Matchers.equalTo("FREE"))
                .body("status", org.hamcrest.Matchers.equalTo("none"));
    }

    private static Call lastSessionOf(UUID workspace) {
        List<Call> sessions = stripe.calls("POST", "/v1/checkout/sessions").stream()
                .filter(call -> workspace.toString().equals(call.params().get("client_reference_id")))
                .toList();
        assertThat(sessions).isNotEmpty();
        return sessions.getLast();
    }

    private static List<Call> customersCreatedFor(UUID workspace) {
        return stripe.calls("POST", "/v1/customers").stream()
                .filter(call -> workspace.toString().equals(call.params().get("metadata[workspace_id]")))
                .toList();
    }

    private static String sessionIdOf(Response response) {
        String location = response.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
