package dev.qide.billing;

/**
 * Another delivery of the same Stripe event is still being processed: this one is answered 503 so that Stripe retries
 * it, rather than acknowledged while the other may yet fail.
 */
public class StripeEventBusyException extends RuntimeException {

    public StripeEventBusyException(String eventId) {
        super("Stripe event " + eventId + " is being processed by another delivery", null, false, false);
    }
}
