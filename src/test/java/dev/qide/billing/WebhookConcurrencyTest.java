package dev.qide.billing;

import static dev.qide.billing.StripeProfile.stripe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qide.audit.AuditEvent;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same Stripe event delivered many times at the same moment: every delivery is answered 2xx, and the event's
 * effects happen once. A delivery that arrives while another is still processing the event waits for it, so it never
 * acknowledges an event whose processing then fails.
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
class WebhookConcurrencyTest {

    private static final int DELIVERIES = 20;

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/billing/webhook")
    URI webhook;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    record Buyer(UUID workspace, String customer, String subscription) {}

    record Answer(int status, String body, Instant at) {}

    @Test
    void twentyDeliveriesOfOneEventAtOnceAreAllAcknowledgedAndActedOnOnce() throws Exception {
        Buyer buyer = subscribedBuyer("Twenty At Once");
        String event = subscriptionCreated(buyer);

        List<Answer> answers = deliverAtOnce(Collections.nCopies(DELIVERIES, event));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(Answer::body).containsOnlyOnce("Processed.");
        assertThat(answers)
                .filteredOn(answer -> answer.body().equals("Already processed."))
                .hasSize(DELIVERIES - 1);
        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
        assertThat(planChanges(buyer.workspace())).hasSize(1);
        assertThat(stripe.calls("GET", "/v1/subscriptions/" + buyer.subscription()))
                .hasSize(1);
        assertThat(recorded(eventId(event))).isEqualTo(1);
    }

    @Test
    void manyDeliveriesOfSeveralEventsAtOnceAreAllAcknowledgedAndEachActedOnOnce() throws Exception {
        List<Buyer> buyers = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Buyer buyer = subscribedBuyer("Several " + i);
            buyers.add(buyer);
            events.add(subscriptionCreated(buyer));
        }
        List<String> deliveries = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            deliveries.addAll(events);
        }

        List<Answer> answers = deliverAtOnce(deliveries);

        assertThat(answers).hasSize(40).extracting(Answer::status).containsOnly(200);
        assertThat(answers)
                .filteredOn(answer -> answer.body().equals("Processed."))
                .hasSize(events.size());
        for (Buyer buyer : buyers) {
            assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
            assertThat(planChanges(buyer.workspace())).hasSize(1);
            assertThat(stripe.calls("GET", "/v1/subscriptions/" + buyer.subscription()))
                    .hasSize(1);
        }
        for (String event : events) {
            assertThat(recorded(eventId(event))).isEqualTo(1);
        }
    }

    @Test
    void theEventsStripeSendsAfterCheckoutArrivingTogetherChangeThePlanOnce() throws Exception {
        Buyer buyer = subscribedBuyer("Checkout Burst");
        List<String> events = List.of(
                checkoutCompleted(buyer),
                subscriptionCreated(buyer),
                invoicePaid(buyer),
                subscriptionEvent("updated", buyer));
        List<String> deliveries = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            deliveries.addAll(events);
        }

        List<Answer> answers = deliverAtOnce(deliveries);

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers)
                .filteredOn(answer -> answer.body().equals("Processed."))
                .hasSize(events.size());
        assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
        assertThat(planChanges(buyer.workspace())).hasSize(1);
    }

    @Test
    void aDuplicateArrivingWhileTheFirstDeliveryIsProcessingWaitsAndTakesOverWhenItFails() throws Exception {
        Buyer buyer = subscribedBuyer("Slow First");
        String event = subscriptionCreated(buyer);
        FakeStripe.Hold slowStripe = stripe.holdNextSubscriptionRead();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<Answer> first = pool.submit(() -> deliver(event));
            slowStripe.awaitArrival(); // the first delivery has claimed the event and waits for Stripe
            List<Future<Answer>> duplicates = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                duplicates.add(pool.submit(() -> deliver(event)));
            }
            Thread.sleep(500);
            assertThat(duplicates)
                    .as("no duplicate is answered while the first delivery may still fail")
                    .noneMatch(Future::isDone);

            slowStripe.failIt();
            Answer failed = first.get(30, TimeUnit.SECONDS);
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> duplicate : duplicates) {
                answers.add(duplicate.get(30, TimeUnit.SECONDS));
            }

            assertThat(failed.status()).as("Stripe retries the failed delivery").isEqualTo(503);
            assertThat(answers).extracting(Answer::status).containsOnly(200);
            assertThat(answers).extracting(Answer::at).allMatch(at -> !at.isBefore(failed.at()));
            assertThat(answers).extracting(Answer::body).containsOnlyOnce("Processed.");
            assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
            assertThat(planChanges(buyer.workspace())).hasSize(1);
            assertThat(recorded(eventId(event))).isEqualTo(1);
        } finally {
            slowStripe.failIt();
            pool.shutdownNow();
        }
    }

    @Test
    void aDuplicateThatWouldWaitTooLongIsAnswered503AndTheEventIsNotLost() throws Exception {
        Buyer buyer = subscribedBuyer("Stuck First");
        String event = subscriptionCreated(buyer);
        FakeStripe.Hold stuckStripe = stripe.holdNextSubscriptionRead();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Answer> first = pool.submit(() -> deliver(event));
            stuckStripe.awaitArrival();
            Instant sent = Instant.now();

            Answer duplicate = pool.submit(() -> deliver(event)).get(60, TimeUnit.SECONDS);

            assertThat(duplicate.status()).as("Stripe retries it later").isEqualTo(503);
            assertThat(Duration.between(sent, duplicate.at()))
                    .isGreaterThanOrEqualTo(StripeEventClaims.WAIT_FOR_OTHER_DELIVERY.minusMillis(500));
            assertThat(first).as("the first delivery is still processing").isNotDone();
            stuckStripe.failIt();
            assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(503);
            assertThat(recorded(eventId(event))).isZero();

            Answer retried = deliver(event);
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.body()).isEqualTo("Processed.");
            assertThat(Billing.planOf(buyer.workspace())).isEqualTo(PlanId.PRO);
            assertThat(planChanges(buyer.workspace())).hasSize(1);
        } finally {
            stuckStripe.failIt();
            pool.shutdownNow();
        }
    }

    /** Posts every payload at the same moment, each on its own connection; answers in the order given. */
    private List<Answer> deliverAtOnce(List<String> payloads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(payloads.size());
        try {
            CountDownLatch ready = new CountDownLatch(payloads.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (String payload : payloads) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return deliver(payload);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer deliver(String payload) throws Exception {
        String signature = StripeWebhooks.signature(
                payload, StripeProfile.WEBHOOK_SECRET, clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .header("Stripe-Signature", signature)
                .header("Content-Type", "application/json; charset=utf-8")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), Instant.now());
    }

    /** A workspace that went through Checkout; Stripe holds its active Pro subscription. */
    private Buyer subscribedBuyer(String name) {
        Browser browser = Browser.signedUp(name);
        UUID workspace = browser.workspaceId();
        browser.get("/billing");
        browser.postForm("/billing/checkout", Map.of("plan", "PRO")).then().statusCode(303);
        Buyer buyer = new Buyer(
                workspace,
                Billing.customerOf(workspace),
                "sub_fake" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        stripe.putSubscription(
                buyer.subscription(),
                buyer.customer(),
                "active",
                StripeProfile.PRO_PRICE,
                clock.instant().plus(Duration.ofDays(30)),
                workspace.toString());
        return buyer;
    }

    private String subscriptionCreated(Buyer buyer) {
        return subscriptionEvent("created", buyer);
    }

    private String subscriptionEvent(String kind, Buyer buyer) {
        ObjectNode event = StripeWebhooks.event("event.customer.subscription." + kind + ".json", clock.instant());
        ObjectNode subscription = StripeWebhooks.object(event);
        subscription.put("id", buyer.subscription());
        subscription.put("customer", buyer.customer());
        return StripeWebhooks.bytes(event);
    }

    private String checkoutCompleted(Buyer buyer) {
        ObjectNode session = (ObjectNode) FakeStripe.fixture("checkout.session.completed.data.subscription-mode.json")
                .get("object");
        session.put("client_reference_id", buyer.workspace().toString());
        session.put("customer", buyer.customer());
        session.put("subscription", buyer.subscription());
        session.putObject("metadata").put("workspace_id", buyer.workspace().toString());
        return StripeWebhooks.bytes(StripeWebhooks.wrap("checkout.session.completed", session, clock.instant()));
    }

    private String invoicePaid(Buyer buyer) {
        ObjectNode event = StripeWebhooks.event("event.invoice.paid.json", clock.instant());
        ObjectNode invoice = StripeWebhooks.object(event);
        invoice.put("customer", buyer.customer());
        // Synthetic (SOURCES.md): the fixture is a one-off invoice; this one pays the subscription.
        invoice.put("subscription", buyer.subscription());
        invoice.put("billing_reason", "subscription_create");
        return StripeWebhooks.bytes(event);
    }

    private static String eventId(String payload) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(payload)
                    .path("id")
                    .asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long recorded(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("SELECT COUNT(*) FROM stripe_event WHERE id = ?1")
                        .setParameter(1, eventId)
                        .getSingleResult())
                .longValue());
    }

    private static List<AuditEvent> planChanges(UUID workspace) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.forWorkspace(workspace).stream()
                .filter(event -> event.action.equals("workspace.plan_changed"))
                .toList());
    }
}
