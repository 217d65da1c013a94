package dev.qide.billing;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.qide.web.Routes;
import io.quarkus.logging.Log;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code POST /billing/webhook}: Stripe's events. The raw body's {@code Stripe-Signature} is verified with the
 * SDK (300 s tolerance) before anything is read; a bad or stale signature gets 400 and changes nothing.
 */
@Path(Routes.BILLING_WEBHOOK)
public class WebhookResource {

    private final BillingConfig config;
    private final StripeEvents events;
    private final Clock clock;

    WebhookResource(BillingConfig config, StripeEvents events, Clock clock) {
        this.config = config;
        this.events = events;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response receive(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
        if (config.stripe().webhookSecret().isEmpty()) {
            return Response.status(404)
                    .entity("Billing is not configured on this server.")
                    .build();
        }
        if (signature == null || signature.isBlank() || body == null) {
            return Response.status(400).entity("Missing Stripe-Signature.").build();
        }
        Event event;
        try {
            event = Webhook.constructEvent(
                    new String(body, StandardCharsets.UTF_8),
                    signature,
                    config.stripe().webhookSecret().get(),
                    config.stripe().webhookTolerance(),
                    clock);
        } catch (SignatureVerificationException e) {
            Log.warnf("Refused a Stripe webhook: %s", e.getMessage());
            return Response.status(400).entity("Invalid signature.").build();
        } catch (RuntimeException unreadable) {
            Log.warnf(
                    "Refused a Stripe webhook whose body is not an event: %s",
                    unreadable.getClass().getSimpleName());
            return Response.status(400).entity("Not a Stripe event.").build();
        }
        try {
            boolean processed = events.process(event);
            return Response.ok(processed ? "Processed." : "Already processed.").build();
        } catch (StripeUnavailableException e) {
            return Response.status(503).entity("Try again later.").build(); // Stripe retries the event
        } catch (StripeEventBusyException | LockTimeoutException | PessimisticLockException e) {
            // Another delivery of the event, or another event of the account, held it past the wait. Rolled back,
            // nothing kept: Stripe retries it, and then finds it processed (or processes it).
            Log.infof("Stripe event %s is held by another delivery; answered 503 for Stripe to retry", event.getId());
            return Response.status(503)
                    .entity("This event is being processed by another delivery; try again later.")
                    .build();
        }
    }
}
