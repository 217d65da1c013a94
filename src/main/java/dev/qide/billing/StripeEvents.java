package dev.qide.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.model.Event;
import dev.qide.billing.StripeGateway.SubscriptionState;
import dev.qide.workspace.Workspace;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Acts on verified Stripe events, each id once: the event is recorded in the same transaction as its effects, so a
 * repeat finds it and changes nothing, and a failure leaves nothing recorded for Stripe's retry
 * ({@link StripeEventClaims} says how deliveries at the same moment meet). Subscription state is always read from
 * Stripe at the time, never from the event, so events may arrive in any order; the events of one billing account are
 * applied one at a time.
 */
@ApplicationScoped
@Transactional
public class StripeEvents {

    private final StripeEventClaims claims;
    private final StripeGateway stripe;
    private final SubscriptionSync sync;
    private final BillingMailer mailer;
    private final ObjectMapper json;
    private final Clock clock;

    StripeEvents(
            StripeEventClaims claims,
            StripeGateway stripe,
            SubscriptionSync sync,
            BillingMailer mailer,
            ObjectMapper json,
            Clock clock) {
        this.claims = claims;
        this.stripe = stripe;
        this.sync = sync;
        this.mailer = mailer;
        this.json = json;
        this.clock = clock;
    }

    /** Processes the event unless it was processed before; answers whether this call did it. */
    public boolean process(Event event) {
        switch (claims.claim(event.getId(), event.getType())) {
            case PROCESSED_BEFORE -> {
                Log.infof("Stripe event %s (%s) was processed before; ignored", event.getId(), event.getType());
                QuarkusTransaction.setRollbackOnly(); // nothing was written; nothing is to be kept
                return false;
            }
            case BUSY -> throw new StripeEventBusyException(event.getId());
            case OURS -> Log.debugf("Processing Stripe event %s (%s)", event.getId(), event.getType());
        }
        JsonNode object = dataObject(event);
        switch (event.getType()) {
            case "checkout.session.completed" -> checkoutCompleted(object);
            case "customer.subscription.created",
                    "customer.subscription.updated",
                    "customer.subscription.deleted",
                    "customer.subscription.paused",
                    "customer.subscription.resumed" ->
                subscriptionChanged(text(object, "id"), text(object, "customer"));
            case "customer.subscription.trial_will_end" -> trialWillEnd(object);
            case "invoice.paid", "invoice.payment_failed" -> invoiceSettled(object);
            default -> Log.debugf("Stripe event %s of type %s needs nothing", event.getId(), event.getType());
        }
        return true;
    }

    private void checkoutCompleted(JsonNode session) {
        if (!"subscription".equals(text(session, "mode"))) {
            return;
        }
        Optional<UUID> workspaceId = workspaceId(text(session, "client_reference_id"))
                .or(() -> workspaceId(text(session.path("metadata"), "workspace_id")));
        String customer = text(session, "customer");
        if (workspaceId.isEmpty() || customer == null) {
            Log.infof("Checkout session %s names no workspace of ours; ignored", text(session, "id"));
            return;
        }
        link(workspaceId.get(), customer).ifPresent(account -> Optional.ofNullable(text(session, "subscription"))
                .flatMap(stripe::subscription)
                .ifPresent(subscription -> sync.apply(account, subscription)));
    }

    private void subscriptionChanged(String subscriptionId, String customer) {
        if (subscriptionId == null) {
            return;
        }
        if (customer != null) {
            // Held while Stripe is asked: concurrent events of the account wait, so the last to commit read the newest
            // state, and a plan change is seen (and audited) once.
            BillingAccount.lockForCustomer(customer);
        }
        Optional<SubscriptionState> subscription = stripe.subscription(subscriptionId);
        if (subscription.isEmpty()) {
            Log.infof("Stripe has no subscription %s any more; ignored", subscriptionId);
            return;
        }
        accountOf(subscription.get(), customer).ifPresent(account -> sync.apply(account, subscription.get()));
    }

    private void trialWillEnd(JsonNode object) {
        subscriptionChanged(text(object, "id"), text(object, "customer"));
        BillingAccount.forCustomer(text(object, "customer"))
                .filter(account -> account.trialEndsAt != null)
                .ifPresent(account -> mailer.trialEnding(account.workspaceId, account.trialEndsAt));
    }

    /** Paid or failed: the subscription's state (active, past due) says what follows. */
    private void invoiceSettled(JsonNode invoice) {
        String subscriptionId = Optional.ofNullable(
                        text(invoice.path("parent").path("subscription_details"), "subscription"))
                .orElse(text(invoice, "subscription"));
        if (subscriptionId == null) {
            return; // a one-off invoice: no plan depends on it
        }
        subscriptionChanged(subscriptionId, text(invoice, "customer"));
    }

    /** The workspace's account, linked to {@code customer} when it has none yet. */
    private Optional<BillingAccount> link(UUID workspaceId, String customer) {
        Optional<BillingAccount> existing = BillingAccount.lockForWorkspace(workspaceId);
        if (existing.isPresent()) {
            if (!customer.equals(existing.get().stripeCustomerId)) {
                Log.warnf("Checkout for workspace %s used another Stripe customer; ignored", workspaceId);
                return Optional.empty();
            }
            return existing;
        }
        if (Workspace.findById(workspaceId) == null
                || BillingAccount.forCustomer(customer).isPresent()) {
            return Optional.empty();
        }
        BillingAccount account = new BillingAccount();
        account.workspaceId = workspaceId;
        account.stripeCustomerId = customer;
        account.updatedAt = clock.instant();
        account.persist();
        return Optional.of(account);
    }

    private Optional<BillingAccount> accountOf(SubscriptionState subscription, String customer) {
        String customerId = subscription.customerId() != null ? subscription.customerId() : customer;
        Optional<BillingAccount> account =
                customerId == null ? Optional.empty() : BillingAccount.forCustomer(customerId);
        if (account.isPresent()) {
            return account;
        }
        Optional<UUID> workspaceId = workspaceId(subscription.metadata().get("workspace_id"));
        if (workspaceId.isEmpty() || customerId == null) {
            Log.infof("Subscription %s belongs to no workspace of ours; ignored", subscription.id());
            return Optional.empty();
        }
        return link(workspaceId.get(), customerId);
    }

    private JsonNode dataObject(Event event) {
        try {
            return json.readTree(event.getDataObjectDeserializer().getRawJson());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stripe event " + event.getId() + " has no readable data object");
        }
    }

    private static Optional<UUID> workspaceId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
