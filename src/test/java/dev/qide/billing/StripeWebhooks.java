package dev.qide.billing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers webhook events as Stripe does: the exact bytes of the body signed with HMAC-SHA256 over
 * {@code timestamp.payload} and the endpoint's secret, in {@code Stripe-Signature: t=...,v1=...}.
 */
final class StripeWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeWebhooks() {}

    /** {@code t=<timestamp>,v1=<hex hmac>}, computed here with the JDK, not with the SDK under test. */
    static String signature(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the event signed with the test profile's secret, stamped {@code now}. */
    static Response deliver(String payload, Instant now) {
        return deliver(payload, signature(payload, StripeProfile.WEBHOOK_SECRET, now.getEpochSecond()));
    }

    static Response deliver(String payload, String signatureHeader) {
        return given().redirects()
                .follow(false)
                .header("Stripe-Signature", signatureHeader)
                .contentType("application/json; charset=utf-8")
                .body(payload.getBytes(StandardCharsets.UTF_8))
                .post("/billing/webhook");
    }

    /** A genuine event envelope fixture with a fresh event id and creation time. */
    static ObjectNode event(String fixture, Instant created) {
        ObjectNode event = FakeStripe.fixture(fixture);
        event.put(
                "id", "evt_fake" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        event.put("created", created.getEpochSecond());
        return event;
    }

    /** A Stripe object (group 1 or 3 of SOURCES.md) wrapped in an event envelope as SOURCES.md shows. */
    static ObjectNode wrap(String type, ObjectNode object, Instant created) {
        ObjectNode event = JSON.createObjectNode();
        event.put(
                "id", "evt_fake" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        event.put("object", "event");
        event.put("api_version", "2020-08-27");
        event.put("created", created.getEpochSecond());
        event.putObject("data").set("object", object);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", type);
        return event;
    }

    static ObjectNode object(ObjectNode event) {
        return (ObjectNode) event.path("data").path("object");
    }

    static String bytes(ObjectNode event) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
