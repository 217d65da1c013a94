package dev.qide.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.qide.support.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for Stripe's API on 127.0.0.1 and a random port. It answers with the genuine fixtures in
 * {@code fixtures/stripe/} (see SOURCES.md there), patching only ids, customer, links and metadata so they match the
 * test's workspace, and it records every request it gets (method, path, form parameters) for tests to inspect.
 * Requests without the expected secret key get Stripe's 401.
 */
public final class FakeStripe {

    /** One request as received: form parameters decoded, keys as Stripe writes them ({@code line_items[0][price]}). */
    public record Call(String method, String path, Map<String, String> params) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String secretKey;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> invoices = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean failSubscriptionUpdates;
    private final AtomicReference<Hold> subscriptionReadHold = new AtomicReference<>();

    private FakeStripe(String secretKey) throws IOException {
        this.secretKey = secretKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeStripe start(String secretKey) {
        try {
            return new FakeStripe(secretKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        server.stop(0);
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls to {@code method path}, oldest first. */
    public List<Call> calls(String method, String path) {
        return calls().stream()
                .filter(call -> call.method().equals(method) && call.path().equals(path))
                .toList();
    }

    /**
     * Stripe now holds this subscription (subscription.json with ids, status, price and period patched); a later call
     * replaces it, as a change in Stripe would.
     */
    public void putSubscription(
            String id, String customer, String status, String priceId, Instant periodEnd, String workspaceId) {
        putSubscription(id, customer, status, priceId, periodEnd, workspaceId, 1);
    }

    /** As {@link #putSubscription(String, String, String, String, Instant, String)}, for {@code quantity} seats. */
    public void putSubscription(
            String id,
            String customer,
            String status,
            String priceId,
            Instant periodEnd,
            String workspaceId,
            long quantity) {
        ObjectNode subscription = fixture("subscription.json");
        subscription.put("id", id);
        subscription.put("customer", customer);
        subscription.put("status", status);
        subscription.put("cancel_at_period_end", false);
        subscription.putNull("canceled_at");
        subscription.putNull("ended_at");
        subscription.putNull("cancel_at");
        if (!"trialing".equals(status)) {
            subscription.putNull("trial_start");
            subscription.putNull("trial_end");
        } else {
            subscription.put("trial_start", TestClock.now().getEpochSecond());
            subscription.put("trial_end", periodEnd.getEpochSecond());
        }
        if ("canceled".equals(status)) {
            subscription.put("canceled_at", TestClock.now().getEpochSecond());
            subscription.put("ended_at", TestClock.now().getEpochSecond());
        }
        subscription.putObject("metadata").put("workspace_id", workspaceId);
        ObjectNode item = (ObjectNode) subscription.path("items").path("data").get(0);
        item.put("subscription", id);
        item.put("current_period_start", periodEnd.minusSeconds(30L * 86_400).getEpochSecond());
        item.put("current_period_end", periodEnd.getEpochSecond());
        ((ObjectNode) item.path("price")).put("id", priceId);
        item.put("quantity", quantity);
        ((ObjectNode) subscription.path("items")).put("url", "/v1/subscription_items?subscription=" + id);
        subscriptions.put(id, subscription);
    }

    /** The quantity of the subscription's first item as Stripe holds it now. */
    public long quantityOf(String subscriptionId) {
        return subscriptions
                .get(subscriptionId)
                .path("items")
                .path("data")
                .get(0)
                .path("quantity")
                .asLong();
    }

    /** While set, changes to subscriptions fail with Stripe's 500 api_error (as an outage would). */
    public void failSubscriptionUpdates(boolean failing) {
        failSubscriptionUpdates = failing;
    }

    /**
     * The next read of a subscription waits, as a slow Stripe would, until the test lets it go; then it fails with
     * Stripe's 500 api_error marked not to be retried. Only that one read: the ones after it are answered as usual.
     */
    public Hold holdNextSubscriptionRead() {
        Hold hold = new Hold();
        subscriptionReadHold.set(hold);
        return hold;
    }

    /** A read held by {@link #holdNextSubscriptionRead()}. */
    public static final class Hold {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until the held read has reached Stripe. */
        public void awaitArrival() throws InterruptedException {
            if (!arrived.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("No subscription read reached the fake Stripe");
            }
        }

        /** Lets the held read go on, to its failure. */
        public void failIt() {
            released.countDown();
        }

        private void hold() throws InterruptedException {
            arrived.countDown();
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never let the held subscription read go");
            }
        }
    }

    /** Adds a paid invoice (invoice.json, patched) to the customer's history; answers its id. */
    public String addPaidInvoice(String customer, String number, long amount) {
        ObjectNode invoice = fixture("invoice.json");
        String id = "in_fake" + ids.incrementAndGet();
        invoice.put("id", id);
        invoice.put("customer", customer);
        invoice.put("number", number);
        invoice.put("status", "paid");
        invoice.put("amount_due", amount);
        invoice.put("amount_paid", amount);
        invoice.put("total", amount);
        invoice.put("created", TestClock.now().getEpochSecond());
        invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/acct_fake/" + id);
        invoice.put("invoice_pdf", "https://pay.stripe.com/invoice/acct_fake/" + id + "/pdf");
        invoices.computeIfAbsent(customer, ignored -> Collections.synchronizedList(new ArrayList<>()))
                .add(0, invoice);
        return id;
    }

    /** A genuine fixture, parsed, for a test to patch and send. */
    public static ObjectNode fixture(String name) {
        try (InputStream in = FakeStripe.class.getResourceAsStream("/fixtures/stripe/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> params = new LinkedHashMap<>();
            decodeInto(params, exchange.getRequestURI().getRawQuery());
            decodeInto(params, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (path.startsWith("/checkout/") || path.startsWith("/portal/")) {
                calls.add(new Call(method, path, params));
                page(exchange, path.startsWith("/checkout/") ? "Fake Stripe Checkout" : "Fake Stripe billing portal");
                return;
            }
            if (!("Bearer " + secretKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "authentication_error", "Invalid API Key provided.");
                return;
            }
            calls.add(new Call(method, path, params));
            route(exchange, method, path, params);
        }
    }

    private void route(HttpExchange exchange, String method, String path, Map<String, String> params)
            throws IOException {
        if (method.equals("POST") && path.equals("/v1/customers")) {
            ObjectNode customer = fixture("customer.json");
            customer.put("id", "cus_fake" + ids.incrementAndGet());
            customer.put("email", params.get("email"));
            customer.put("name", params.get("name"));
            customer.putObject("metadata").put("workspace_id", params.get("metadata[workspace_id]"));
            json(exchange, customer);
        } else if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            json(exchange, checkoutSession(params));
        } else if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            ObjectNode session = fixture("billing_portal.session.json");
            String id = "bps_fake" + ids.incrementAndGet();
            session.put("id", id);
            session.put("customer", params.get("customer"));
            session.put("return_url", params.get("return_url"));
            session.put("url", baseUrl() + "/portal/" + id);
            json(exchange, session);
        } else if (method.equals("GET") && path.startsWith("/v1/subscriptions/")) {
            Hold hold = subscriptionReadHold.getAndSet(null);
            if (hold != null) {
                try {
                    hold.hold();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.getResponseHeaders().set("Stripe-Should-Retry", "false");
                error(exchange, 500, "api_error", "An unknown error occurred");
                return;
            }
            ObjectNode subscription = subscriptions.get(path.substring("/v1/subscriptions/".length()));
            if (subscription == null) {
                error(exchange, 404, "invalid_request_error", "No such subscription");
            } else {
                json(exchange, subscription);
            }
        } else if (method.equals("POST") && path.startsWith("/v1/subscriptions/")) {
            updateSubscription(exchange, path.substring("/v1/subscriptions/".length()), params);
        } else if (method.equals("GET") && path.equals("/v1/invoices")) {
            ObjectNode list = JSON.createObjectNode();
            list.put("object", "list");
            ArrayNode data = list.putArray("data");
            invoices.getOrDefault(params.get("customer"), List.of()).forEach(data::add);
            list.put("has_more", false);
            list.put("url", "/v1/invoices");
            json(exchange, list);
        } else if (method.equals("POST") && path.equals("/v1/billing/meter_events")) {
            ObjectNode event = fixture("billing.meter_event.json");
            event.put("event_name", params.get("event_name"));
            event.put("identifier", params.get("identifier"));
            event.put("timestamp", Long.parseLong(params.get("timestamp")));
            ObjectNode payload = event.putObject("payload");
            payload.put("stripe_customer_id", params.get("payload[stripe_customer_id]"));
            payload.put("value", params.get("payload[value]"));
            json(exchange, event);
        } else {
            error(exchange, 404, "invalid_request_error", "Unrecognized request URL (" + method + " " + path + ")");
        }
    }

    /** Stripe's subscription update, for the item fields Q-IDE sends: {@code items[n][id]} and {@code items[n][quantity]}. */
    private void updateSubscription(HttpExchange exchange, String id, Map<String, String> params) throws IOException {
        ObjectNode subscription = subscriptions.get(id);
        if (subscription == null) {
            error(exchange, 404, "invalid_request_error", "No such subscription: '" + id + "'");
            return;
        }
        if (failSubscriptionUpdates) {
            error(exchange, 500, "api_error", "An unknown error occurred");
            return;
        }
        ArrayNode items = (ArrayNode) subscription.path("items").path("data");
        for (int index = 0; params.containsKey("items[" + index + "][id]"); index++) {
            String itemId = params.get("items[" + index + "][id]");
            ObjectNode item = null;
            for (JsonNode each : items) {
                if (itemId.equals(each.path("id").asText())) {
                    item = (ObjectNode) each;
                }
            }
            if (item == null) {
                error(exchange, 400, "invalid_request_error", "No such subscription item: '" + itemId + "'");
                return;
            }
            String quantity = params.get("items[" + index + "][quantity]");
            if (quantity != null) {
                item.put("quantity", Long.parseLong(quantity));
            }
        }
        json(exchange, subscription);
    }

    private ObjectNode checkoutSession(Map<String, String> params) {
        ObjectNode session = fixture("checkout.session.json");
        String id = "cs_test_fake" + ids.incrementAndGet();
        session.put("id", id);
        session.put("mode", params.get("mode"));
        session.put("customer", params.get("customer"));
        session.put("client_reference_id", params.get("client_reference_id"));
        session.putObject("metadata").put("workspace_id", params.get("metadata[workspace_id]"));
        session.put("success_url", params.get("success_url"));
        session.put("cancel_url", params.get("cancel_url"));
        session.put("url", baseUrl() + "/checkout/" + id);
        return session;
    }

    private static void decodeInto(Map<String, String> params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    private static void json(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        error.put("message", message);
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void page(HttpExchange exchange, String title) throws IOException {
        String html = "<!doctype html><html lang=\"en\"><head><title>" + title + "</title></head><body><h1>" + title
                + "</h1></body></html>";
        send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Request-Id", "req_fake");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
