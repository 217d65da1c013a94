package dev.qide.billing;

import static dev.qide.billing.StripeProfile.stripe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.billing.FakeStripe.Call;
import dev.qide.quota.Meter;
import dev.qide.quota.QuotaService;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Overage beyond Pro's 3 included LLM requests a day reaches Stripe Billing Meters once per unit. */
@QuarkusTest
@TestProfile(StripeProfile.class)
@ClockSensitive
class UsageReporterTest {

    @Inject
    UsageReporter reporter;

    @Inject
    QuotaService quotas;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void runningTheReportTwiceOrLateSendsEachUnitOnce() {
        Browser browser = Browser.signedUp("Heavy User");
        UUID workspace = browser.workspaceId();
        browser.get("/billing");
        browser.postForm("/billing/checkout", Map.of("plan", "PRO")).then().statusCode(303);
        String customer = Billing.customerOf(workspace);
        String subscription = "sub_fake_metered_" + workspace.toString().substring(0, 8);
        stripe.putSubscription(
                subscription,
                customer,
                "active",
                StripeProfile.PRO_PRICE,
                clock.instant().plus(Duration.ofDays(30)),
                workspace.toString());
        StripeWebhooks.deliver(StripeWebhooks.bytes(subscriptionCreated(subscription, customer)), clock.instant())
                .then()
                .statusCode(200);

        quotas.consume(workspace, null, Meter.LLM_REQUESTS, 5); // 2 over the 3 included
        reporter.run();
        reporter.run();

        List<Call> events = meterEventsOf(customer);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().params())
                .containsEntry("event_name", StripeProfile.PRO_OVERAGE_EVENT)
                .containsEntry("payload[value]", "2")
                .containsKey("identifier");

        quotas.consume(workspace, null, Meter.LLM_REQUESTS, 4); // 4 more over
        reporter.run();
        reporter.run();

        events = meterEventsOf(customer);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).params()).containsEntry("payload[value]", "4");
        assertThat(events.get(1).params().get("identifier"))
                .isNotEqualTo(events.getFirst().params().get("identifier"));

        // The next day, late: yesterday's units are not sent again, and the event sits inside yesterday.
        clock.advance(Duration.ofDays(1));
        reporter.run();
        assertThat(meterEventsOf(customer)).hasSize(2);
        long total = meterEventsOf(customer).stream()
                .mapToLong(call -> Long.parseLong(call.params().get("payload[value]")))
                .sum();
        assertThat(total).isEqualTo(9 - StripeProfile.PRO_INCLUDED);
        Instant stamped =
                Instant.ofEpochSecond(Long.parseLong(events.get(1).params().get("timestamp")));
        assertThat(stamped).isBefore(clock.instant());
    }

    private static List<Call> meterEventsOf(String customer) {
        return stripe.calls("POST", "/v1/billing/meter_events").stream()
                .filter(call -> customer.equals(call.params().get("payload[stripe_customer_id]")))
                .toList();
    }

    private com.fasterxml.jackson.databind.node.ObjectNode subscriptionCreated(String subscription, String customer) {
        var event = StripeWebhooks.event("event.customer.subscription.created.json", clock.instant());
        StripeWebhooks.object(event).put("id", subscription);
        StripeWebhooks.object(event).put("customer", customer);
        return event;
    }
}
