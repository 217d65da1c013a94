package dev.qide.billing;

import dev.qide.web.HttpProblem;

/** Stripe could not do what was asked (unreachable, refused, or not configured): 503 with a message fit to show. */
public class StripeUnavailableException extends HttpProblem {

    public StripeUnavailableException(String message) {
        super(503, message);
    }
}
