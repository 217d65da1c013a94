package dev.qide.billing;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billing.MeterEventCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every call Q-IDE makes to Stripe, through the Stripe Java SDK. The API base can point at any Stripe-compatible
 * server ({@code STRIPE_API_BASE}); the secret key never leaves this class.
 */
@ApplicationScoped
public class StripeGateway {

    /** What Checkout needs to sell a plan to a workspace. */
    public record CheckoutRequest(
            String customerId,
            UUID workspaceId,
            String priceId,
            long quantity,
            Optional<String> overagePriceId,
            int trialDays,
            String successUrl,
            String cancelUrl) {}

    public record CheckoutSession(String id, String url) {}

    /** A subscription as Stripe holds it now; prices of its items, the first licensed one first. */
    public record SubscriptionState(
            String id,
            String customerId,
            String status,
            List<String> priceIds,
            long quantity,
            Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            Instant trialStart,
            Instant trialEnd,
            Map<String, String> metadata) {}

    /** One invoice for the history table; amounts in the currency's smallest unit. */
    public record InvoiceSummary(
            String id,
            String number,
            Instant created,
            long amount,
            String currency,
            String status,
            String hostedUrl,
            String pdfUrl) {}

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 15_000;
    private static final long INVOICES_SHOWN = 24;

    private final BillingConfig config;
    private volatile StripeClient client;

    StripeGateway(BillingConfig config) {
        this.config = config;
    }

    public String createCustomer(UUID workspaceId, String workspaceName, String email) {
        return call("create a customer", () -> client().v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setName(workspaceName)
                        .setEmail(email)
                        .putMetadata("workspace_id", workspaceId.toString())
                        .build())
                .getId());
    }

    public CheckoutSession createCheckoutSession(CheckoutRequest request) {
        SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
                .putMetadata("workspace_id", request.workspaceId().toString());
        if (request.trialDays() > 0) {
            subscription.setTrialPeriodDays((long) request.trialDays());
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(request.customerId())
                .setClientReferenceId(request.workspaceId().toString())
                .putMetadata("workspace_id", request.workspaceId().toString())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(request.priceId())
                        .setQuantity(request.quantity())
                        .build())
                .setAllowPromotionCodes(true)
                .setSubscriptionData(subscription.build())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl());
        request.overagePriceId()
                .ifPresent(price -> params.addLineItem(
                        SessionCreateParams.LineItem.builder().setPrice(price).build()));
        Session session = call(
                "create a Checkout session",
                () -> client().v1().checkout().sessions().create(params.build()));
        return new CheckoutSession(session.getId(), session.getUrl());
    }

    /** A Billing Portal session's URL; the portal sends the person back to {@code returnUrl}. */
    public String createPortalSession(String customerId, String returnUrl) {
        return call("create a Billing Portal session", () -> client().v1()
                .billingPortal()
                .sessions()
                .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId)
                        .setReturnUrl(returnUrl)
                        .build())
                .getUrl());
    }

    /** The subscription as Stripe holds it now; empty when Stripe has no such subscription. */
    public Optional<SubscriptionState> subscription(String subscriptionId) {
        try {
            return Optional.of(toState(client().v1().subscriptions().retrieve(subscriptionId)));
        } catch (InvalidRequestException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("retrieve a subscription", e);
        } catch (StripeException e) {
            throw unavailable("retrieve a subscription", e);
        }
    }

    /**
     * Sets the quantity of the subscription's licensed (per-seat) item, with prorations for the rest of the period;
     * answers the quantity Stripe holds afterwards.
     */
    public long updateSeats(String subscriptionId, long quantity) {
        return call("change the number of seats", () -> {
            Subscription subscription = client().v1().subscriptions().retrieve(subscriptionId);
            SubscriptionItem item = licensedItem(subscription)
                    .orElseThrow(() -> new StripeUnavailableException(
                            "Subscription " + subscriptionId + " has no per-seat item to change."));
            Subscription updated = client().v1()
                    .subscriptions()
                    .update(
                            subscriptionId,
                            SubscriptionUpdateParams.builder()
                                    .addItem(SubscriptionUpdateParams.Item.builder()
                                            .setId(item.getId())
                                            .setQuantity(quantity)
                                            .build())
                                    .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
                                    .build());
            return toState(updated).quantity();
        });
    }

    /** The customer's latest invoices, newest first. */
    public List<InvoiceSummary> invoices(String customerId) {
        return call("list invoices", () -> client()
                .v1()
                .invoices()
                .list(InvoiceListParams.builder()
                        .setCustomer(customerId)
                        .setLimit(INVOICES_SHOWN)
                        .build())
                .getData()
                .stream()
                .map(StripeGateway::toSummary)
                .toList());
    }

    /**
     * Sends a Billing Meter event. Stripe keeps one event per {@code identifier}, so sending the same one again
     * (after a timeout, say) never counts twice.
     */
    public void sendMeterEvent(String eventName, String customerId, long value, String identifier, Instant at) {
        call("send a meter event", () -> client().v1()
                .billing()
                .meterEvents()
                .create(
                        MeterEventCreateParams.builder()
                                .setEventName(eventName)
                                .setIdentifier(identifier)
                                .setTimestamp(at.getEpochSecond())
                                .putPayload("stripe_customer_id", customerId)
                                .putPayload("value", Long.toString(value))
                                .build(),
                        RequestOptions.builder().setIdempotencyKey(identifier).build()));
    }

    private StripeClient client() {
        StripeClient current = client;
        if (current == null) {
            String key = config.stripe()
                    .secretKey()
                    .orElseThrow(() -> new StripeUnavailableException("Billing is not configured on this server."));
            StripeClient.StripeClientBuilder builder = StripeClient.builder()
                    .setApiKey(key)
                    .setConnectTimeout(CONNECT_TIMEOUT_MS)
                    .setReadTimeout(READ_TIMEOUT_MS)
                    .setMaxNetworkRetries(2);
            config.stripe().apiBase().ifPresent(base -> builder.setApiBase(base.replaceAll("/+$", "")));
            current = builder.build();
            client = current;
        }
        return current;
    }

    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.call();
        } catch (StripeException e) {
            throw unavailable(what, e);
        }
    }

    /** Logs what failed without the request's parameters or key; the caller shows a plain message. */
    private static StripeUnavailableException unavailable(String what, StripeException e) {
        Log.warnf(
                "Stripe refused or failed to %s: %s (status %s, code %s, request %s)",
                what, e.getClass().getSimpleName(), e.getStatusCode(), e.getCode(), e.getRequestId());
        return new StripeUnavailableException("Stripe could not " + what + " just now. Nothing was changed.");
    }

    private static SubscriptionState toState(Subscription subscription) {
        List<SubscriptionItem> items = subscription.getItems() == null
                ? List.of()
                : subscription.getItems().getData();
        List<String> prices = items.stream()
                .filter(item -> item.getPrice() != null)
                .sorted((a, b) -> Boolean.compare(isMetered(a), isMetered(b)))
                .map(item -> item.getPrice().getId())
                .toList();
        SubscriptionItem first = licensedItem(subscription).orElse(items.isEmpty() ? null : items.get(0));
        return new SubscriptionState(
                subscription.getId(),
                subscription.getCustomer(),
                subscription.getStatus(),
                prices,
                first == null || first.getQuantity() == null ? 1 : first.getQuantity(),
                first == null ? null : instant(first.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                instant(subscription.getTrialStart()),
                instant(subscription.getTrialEnd()),
                subscription.getMetadata() == null ? Map.of() : Map.copyOf(subscription.getMetadata()));
    }

    /** The item sold by quantity (seats or one plan), as opposed to a metered overage item. */
    private static Optional<SubscriptionItem> licensedItem(Subscription subscription) {
        return subscription.getItems() == null
                ? Optional.empty()
                : subscription.getItems().getData().stream()
                        .filter(item -> !isMetered(item))
                        .findFirst();
    }

    private static boolean isMetered(SubscriptionItem item) {
        return item.getPrice() != null
                && item.getPrice().getRecurring() != null
                && "metered".equals(item.getPrice().getRecurring().getUsageType());
    }

    private static InvoiceSummary toSummary(Invoice invoice) {
        long amount = "paid".equals(invoice.getStatus()) && invoice.getAmountPaid() != null
                ? invoice.getAmountPaid()
                : invoice.getAmountDue() == null ? 0 : invoice.getAmountDue();
        return new InvoiceSummary(
                invoice.getId(),
                invoice.getNumber(),
                instant(invoice.getCreated()),
                amount,
                invoice.getCurrency(),
                invoice.getStatus(),
                invoice.getHostedInvoiceUrl(),
                invoice.getInvoicePdf());
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
