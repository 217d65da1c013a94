package dev.qide.billing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stripe billing settings. Secrets come from the environment only ({@code STRIPE_SECRET_KEY},
 * {@code STRIPE_WEBHOOK_SECRET}); without them billing is off and the pages say so.
 */
@ConfigMapping(prefix = "qide.billing")
public interface BillingConfig {

    /** How Q-IDE reaches Stripe. */
    Stripe stripe();

    /** Days of free trial the first Checkout of a workspace gets (once per workspace); 0 for none. */
    @WithDefault("14")
    int trialDays();

    /** How long a workspace whose payment failed keeps its plan before it falls back to Free. */
    @WithDefault("7d")
    Duration gracePeriod();

    /** How often past-due grace periods and ended subscriptions are checked ("off" to disable). */
    @WithDefault("10m")
    String entitlementCheckEvery();

    /** How often metered overage is reported to Stripe ("off" to disable). */
    @WithDefault("1h")
    String usageReportEvery();

    /**
     * How often per-seat subscriptions whose quantity differs from their team's member count are brought back in
     * step ("off" to disable); member changes update Stripe at once, this catches what a failed call left behind.
     */
    @WithDefault("15m")
    String seatSyncInterval();

    /** Days back the usage report looks for overage not yet reported (a late or missed run catches up). */
    @WithDefault("3")
    int usageReportLookbackDays();

    /** Sites a billing form may be sent on to (Checkout and the Billing Portal), for the page's CSP form-action. */
    @WithDefault("https://checkout.stripe.com,https://billing.stripe.com")
    List<String> redirectOrigins();

    PlanPrices pro();

    PlanPrices proPlus();

    PlanPrices teams();

    PlanPrices enterprise();

    /** Connection and secrets. */
    interface Stripe {

        /** Secret API key (STRIPE_SECRET_KEY); billing is configured when this and the webhook secret are set. */
        Optional<String> secretKey();

        /** Signing secret of the webhook endpoint (STRIPE_WEBHOOK_SECRET). */
        Optional<String> webhookSecret();

        /** Another Stripe-compatible API server (STRIPE_API_BASE), e.g. a local test double. */
        Optional<String> apiBase();

        /** Seconds a webhook signature stays valid. */
        @WithDefault("300")
        long webhookTolerance();
    }

    /** A plan's prices in Stripe. */
    interface PlanPrices {

        /** The recurring price id (price_...) Checkout sells the plan with; unset: the plan is not for sale. */
        Optional<String> price();

        /** Sold per seat: the subscription's quantity is the workspace's member count (at least the plan's minimum). */
        @WithDefault("false")
        boolean perSeat();

        /** A metered price for usage beyond the included amount, added to the subscription at Checkout. */
        Optional<String> overagePrice();

        /** The {@code event_name} of the Stripe Billing Meter the overage price is attached to. */
        Optional<String> overageEventName();

        /** The Q-IDE meter billed as overage: llm_requests or api_calls. */
        @WithDefault("llm_requests")
        String overageMeter();

        /**
         * Units a period includes before overage; defaults to the plan's limit of that meter (which stays the hard
         * cap: raise it above this to let usage run into overage).
         */
        OptionalLong overageIncluded();
    }
}
