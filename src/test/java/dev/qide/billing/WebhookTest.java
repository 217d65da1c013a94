package dev.qide.billing;

import static dev.qide.billing.StripeProfile.stripe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qide.audit.AuditEvent;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhook, signed the real way, with events built from the genuine fixtures: plans follow the
 * subscription as Stripe holds it, each event id counts once, order does not matter, and forged or stale
 * deliveries change nothing.
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
@ClockSensitive
class WebhookTest {

    @Inject
    TestClock clock;

    @Inject
    MockMailbox mailbox;

    @Inject
    GracePeriodJob graceJob;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A person who went through Checkout: their workspace has a Stripe customer; Stripe will hold {@code sub}. */
    record Buyer(Browser browser, UUID workspace, String customer, String subscription) {}

    @Test
    void checkoutCompletedAndSubscriptionCreatedUpgradeTheWorkspace() {
        Buyer buyer = buyer("Upgrader");
        stripe.putSubscription(
                buyer.subscription(), buyer.customer(), "active", StripeProfile.PRO_PRICE, inDays(30), ws(buyer));

        Response completed = StripeWebhooks.deliver(StripeWebhooks.bytes(checkoutCompleted(buyer)), now());
        Response created = StripeWebhooks.deliver(StripeWebhooks.bytes(subscriptionEvent("created", buyer)), now());

        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
        List<AuditEvent> changes = planChanges(buyer.workspace());
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().actorEmail).isEqualTo("Stripe billing");
        assertThat(changes.getFirst().detail).startsWith("FREE -> PRO");
        buyer.browser()
                .get("/billing")
                .then()
                .body(containsString("Pro plan"))
                .body(containsString("data-testid=\"subscription-status\">Active"))
                .body(containsString("Renews"));
        buyer.browser()
                .api()
                .get("/api/billing/subscription")
                .then()
                .statusCode(200)
                .body("plan", org.hamcrest.Matchers.equalTo("PRO"))
                .body("status", org.hamcrest.Matchers.equalTo("active"))
                .body("subscribed_plan", org.hamcrest.Matchers.equalTo("PRO"));
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothingTheSecondTime() {
        Buyer buyer = buyer("Twice");
        stripe.putSubscription(
                buyer.subscription(), buyer.customer(), "active", StripeProfile.PRO_PRICE, inDays(30), ws(buyer));
        String payload = StripeWebhooks.bytes(subscriptionEvent("created", buyer));
        assertThat(StripeWebhooks.deliver(payload, now()).asString()).isEqualTo("Processed.");
        int retrievals =
                stripe.calls("GET", "/v1/subscriptions/" + buyer.subscription()).size();

        // Stripe has moved on meanwhile; a repeat of the old event must not be acted on again.
        stripe.putSubscription(
                buyer.subscription(), buyer.customer(), "canceled", StripeProfile.PRO_PRICE, inDays(30), ws(buyer));
        Response again = StripeWebhooks.deliver(payload, now());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo("Already processed.");
        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
        assertThat(planChanges(buyer.workspace())).hasSize(1);
        assertThat(stripe.calls("GET", "/v1/subscriptions/" + buyer.subscription()))
                .hasSize(retrievals);
    }

    @Test
    void updatedArrivingBeforeCreatedEndsInTheNewestState() {
        Buyer buyer = buyer("Out Of Order");
        // Stripe's current state: upgraded to Pro Plus after a trial on Pro.
        stripe.putSubscription(
                buyer.subscription(), buyer.customer(), "active", StripeProfile.PRO_PLUS_PRICE, inDays(30), ws(buyer));
        ObjectNode updated = subscriptionEvent("updated", buyer);
        ObjectNode created = subscriptionEvent("created", buyer);
        created.put("created", now().minusSeconds(120).getEpochSecond());
        StripeWebhooks.object(created).put("status", "trialing");

        StripeWebhooks.deliver(StripeWebhooks.bytes(updated), now()).then().statusCode(200);
        StripeWebhooks.deliver(StripeWebhooks.bytes(created), now()).then().statusCode(200);

        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO_PLUS);
        BillingAccount account = Billing.account(buyer.workspace());
        assertThat(account.subscriptionStatus).isEqualTo("active");
        assertThat(account.subscribedPlan).isEqualTo(PlanId.PRO_PLUS);
    }

    @Test
    void aBadSignatureOrAStaleTimestampIsRefusedAndChangesNothing() {
        Buyer buyer = buyer("Forger");
        stripe.putSubscription(
                buyer.subscription(), buyer.customer(), "active", StripeProfile.PRO_PRICE, inDays(30), ws(buyer));
        String payload = StripeWebhooks.bytes(subscriptionEvent("created", buyer));
        long now = now().getEpochSecond();

        Response wrongSecret =
                StripeWebhooks.deliver(payload, StripeWebhooks.signature(payload, "whsec_not_the_secret", now));
        Response stale = StripeWebhooks.deliver(
                payload, StripeWebhooks.signature(payload, StripeProfile.WEBHOOK_SECRET, now - 301));
        Response tampered = StripeWebhooks.deliver(
                payload.replace(buyer.customer(), "cus_somebody_else"),
                StripeWebhooks.signature(payload, StripeProfile.WEBHOOK_SECRET, now));
        Response unsigned = StripeWebhooks.deliver(payload, "");

        for (Response refused : List.of(wrongSecret, stale, tampered, unsigned)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.asString()).doesNotContain(StripeProfile.WEBHOOK_SECRET);
        }
        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.FREE);
        assertThat(planChanges(buyer.workspace())).isEmpty();
        // Nothing was recorded either: the genuine delivery of the same event is processed.
        assertThat(StripeWebhooks.deliver(payload, now()).asString()).isEqualTo("Processed.");
        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
    }

    @Test
    void aFailedPaymentStartsTheGracePeriodWhoseEndReturnsTheWorkspaceToFree() {
        Buyer buyer = buyer("Late Payer");
        subscribedToPro(buyer);

        stripe.putSubscription(
                buyer.subscription(), buyer.customer(), "past_due", StripeProfile.PRO_PRICE, inDays(30), ws(buyer));
        ObjectNode failed = StripeWebhooks.event("event.invoice.payment_failed.json", now());
        ObjectNode invoice = StripeWebhooks.object(failed);
        invoice.put("customer", buyer.customer());
        // Synthetic (SOURCES.md): the fixture is a one-off invoice; this one renews the subscription.
        invoice.put("subscription", buyer.subscription());
        invoice.put("billing_reason", "subscription_cycle");
        StripeWebhooks.deliver(StripeWebhooks.bytes(failed), now()).then().statusCode(200);

        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
        Instant graceEnds = Billing.account(buyer.workspace()).graceEndsAt;
        assertThat(graceEnds).isBetween(inDays(7).minusSeconds(60), inDays(7).plusSeconds(60));
        assertThat(mailbox.getMailsSentTo(buyer.browser().email()))
                .anySatisfy(mail -> assertThat(mail.getSubject()).startsWith("Payment failed"));
        buyer.browser().get("/billing").then().body(containsString("data-testid=\"past-due-banner\""));
        buyer.browser().get("/dashboard").then().body(containsString("data-testid=\"past-due-banner\""));

        graceJob.run();
        assertThat(Billing.planOf(buyer.workspace())).as("still in grace").isEqualTo(PlanId.PRO);

        clock.advance(Duration.ofDays(7).plusHours(1));
        graceJob.run();
        graceJob.run();

        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.FREE);
        List<AuditEvent> changes = planChanges(buyer.workspace());
        assertThat(changes).hasSize(2);
        assertThat(changes.getFirst().detail).isEqualTo("PRO -> FREE (payment failed; grace period over)");
        buyer.browser().get("/billing").then().body(not(containsString("data-testid=\"past-due-banner\"")));
        buyer.browser().get("/dashboard").then().body(not(containsString("data-testid=\"past-due-banner\"")));
    }

    @Test
    void aDeletedSubscriptionReturnsTheWorkspaceToFree() {
        Buyer buyer = buyer("Leaver");
        subscribedToPro(buyer);

        stripe.putSubscription(
                buyer.subscription(), buyer.customer(), "canceled", StripeProfile.PRO_PRICE, inDays(30), ws(buyer));
        StripeWebhooks.deliver(StripeWebhooks.bytes(subscriptionEvent("deleted", buyer)), now())
                .then()
                .statusCode(200);

        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.FREE);
        buyer.browser()
                .get("/billing")
                .then()
                .body(containsString("data-testid=\"subscription-status\">Cancelled"))
                .body(containsString("Upgrade to Pro"));
    }

    private Buyer buyer(String name) {
        Browser browser = Browser.signedUp(name);
        UUID workspace = browser.workspaceId();
        browser.get("/billing");
        browser.postForm("/billing/checkout", Map.of("plan", "PRO")).then().statusCode(303);
        return new Buyer(
                browser,
                workspace,
                Billing.customerOf(workspace),
                "sub_fake" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** The pay-rails subscription-mode session (SOURCES.md group 3), wrapped, pointing at the buyer. */
    private ObjectNode checkoutCompleted(Buyer buyer) {
        ObjectNode session = (ObjectNode) FakeStripe.fixture("checkout.session.completed.data.subscription-mode.json")
                .get("object");
        session.put("client_reference_id", buyer.workspace().toString());
        session.put("customer", buyer.customer());
        session.put("subscription", buyer.subscription());
        session.putObject("metadata").put("workspace_id", buyer.workspace().toString());
        return StripeWebhooks.wrap("checkout.session.completed", session, now());
    }

    /** The stripe-ruby-mock envelope for {@code customer.subscription.<kind>}, pointing at the buyer. */
    private ObjectNode subscriptionEvent(String kind, Buyer buyer) {
        ObjectNode event = StripeWebhooks.event("event.customer.subscription." + kind + ".json", now());
        ObjectNode subscription = StripeWebhooks.object(event);
        subscription.put("id", buyer.subscription());
        subscription.put("customer", buyer.customer());
        return event;
    }

    private static List<AuditEvent> planChanges(UUID workspace) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.forWorkspace(workspace).stream()
                .filter(event -> event.action.equals("workspace.plan_changed"))
                .toList());
    }

    private static String ws(Buyer buyer) {
        return buyer.workspace().toString();
    }

    private Instant now() {
        return clock.instant();
    }

    private Instant inDays(long days) {
        return now().plus(Duration.ofDays(days));
    }

    /** The buyer's subscription to Pro is active and its created event processed: the workspace is on Pro. */
    private void subscribedToPro(Buyer buyer) {
        stripe.putSubscription(
                buyer.subscription(), buyer.customer(), "active", StripeProfile.PRO_PRICE, inDays(30), ws(buyer));
        StripeWebhooks.deliver(StripeWebhooks.bytes(subscriptionEvent("created", buyer)), now())
                .then()
                .statusCode(200);
        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
    }
}
