package dev.qide.billing;

import static dev.qide.billing.StripeProfile.stripe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.Browser;
import dev.qide.support.CapturedLog;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Stripe secret key and the webhook secret never reach a log line, a page or a response. */
@QuarkusTest
@TestProfile(StripeProfile.class)
@ClockSensitive
class BillingSecretsTest {

    @Test
    void secretsAppearInNoLogAndNoPage() {
        CapturedLog log = new CapturedLog();
        log.start();
        List<String> pages = new ArrayList<>();
        try {
            Browser browser = Browser.signedUp("Secret Keeper");
            UUID workspace = browser.workspaceId();
            pages.add(browser.get("/billing").asString());
            pages.add(
                    browser.postForm("/billing/checkout", Map.of("plan", "PRO")).asString());
            pages.add(browser.postForm("/billing/portal", Map.of()).asString());
            stripe.addPaidInvoice(Billing.customerOf(workspace), "QIDE-7", 1900);
            pages.add(browser.get("/billing").asString());
            pages.add(browser.htmx().get("/billing").asString());
            pages.add(browser.api().get("/api/billing/subscription").asString());
            pages.add(browser.api().get("/api/billing/invoices").asString());
            pages.add(browser.api().get("/api/billing/portal").asString());
            // Failures are logged: a refused signature, a subscription Stripe does not know (404 from Stripe).
            String payload =
                    "{\"id\":\"evt_fake_secret\",\"object\":\"event\",\"type\":\"customer.subscription.updated\","
                            + "\"created\":" + TestClock.now().getEpochSecond()
                            + ",\"data\":{\"object\":{\"id\":\"sub_missing\",\"object\":\"subscription\"}}}";
            pages.add(StripeWebhooks.deliver(payload, "t=1,v1=00").asString());
            pages.add(StripeWebhooks.deliver(payload, TestClock.now()).asString());
            pages.add(StripeWebhooks.deliver("not json", TestClock.now()).asString());
        } finally {
            log.stop();
        }
        assertThat(log.text()).isNotEmpty();
        for (String secret : List.of(StripeProfile.SECRET_KEY, StripeProfile.WEBHOOK_SECRET)) {
            assertThat(log.text()).doesNotContain(secret);
            assertThat(pages).noneMatch(page -> page.contains(secret));
        }
    }
}
