package dev.qide.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded default has no Stripe settings: the billing page says so, and nothing tries to reach Stripe. */
@QuarkusTest
class BillingNotConfiguredTest {

    @Test
    void theBillingPageSaysPlainlyThatBillingIsNotConfigured() {
        Browser browser = Browser.signedUp("Unbilled");
        browser.get("/billing")
                .then()
                .statusCode(200)
                .body(containsString("<html"))
                .body(containsString("Billing is not configured on this server"))
                .body(containsString("Free plan"))
                .body(containsString("data-testid=\"usage-summary\""))
                .body(not(containsString("Upgrade to")))
                .body(not(containsString("Manage billing")));
        browser.htmx()
                .get("/billing")
                .then()
                .statusCode(200)
                .body(not(containsString("<html")))
                .body(containsString("Billing is not configured on this server"));
    }

    @Test
    void buyingAndThePortalExplainInsteadOfFailing() {
        Browser browser = Browser.signedUp("Would Buy");
        browser.get("/billing");
        Response checkout = browser.postForm("/billing/checkout", Map.of("plan", "PRO"));
        assertThat(checkout.statusCode()).isEqualTo(303);
        assertThat(checkout.header("Location")).endsWith("/billing");
        browser.get("/billing").then().body(containsString("data-testid=\"flash\""));

        browser.api()
                .post("/api/billing/create-checkout-session/price_anything")
                .then()
                .statusCode(503)
                .body("detail", equalTo("Billing is not configured on this server."));
        browser.api()
                .get("/api/billing/portal")
                .then()
                .statusCode(503)
                .body("detail", equalTo("Billing is not configured on this server."));
        browser.api()
                .get("/api/billing/subscription")
                .then()
                .statusCode(200)
                .body("billing_configured", equalTo(false))
                .body("plan", equalTo("FREE"));
    }

    @Test
    void theWebhookIsClosedWithoutAWebhookSecret() {
        StripeWebhooks.deliver("{}", "t=1,v1=00").then().statusCode(404);
    }

    @Test
    void planCardsWithoutABuyButtonSayWhoChangesThePlan() {
        String page = Browser.signedUp("Card Reader").get("/billing").asString();
        String cards = page.substring(page.indexOf("data-testid=\"plan-cards\""));
        assertThat(cards).contains("A platform administrator changes the plan on this server");
        assertThat(cards.split("data-testid=\"plan-change-by\"").length - 1)
                .as("every plan but the current one says who changes it")
                .isEqualTo(4);
    }
}
