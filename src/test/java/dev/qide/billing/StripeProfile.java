package dev.qide.billing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Billing configured against {@link FakeStripe}: a secret key, a webhook secret, a price per paid plan, per-seat
 * Teams, and a metered overage price on Pro (3 LLM requests a day included). The scheduled jobs are off; tests run
 * them.
 */
public class StripeProfile implements QuarkusTestProfile {

    public static final String SECRET_KEY = "sk_test_51QideFakeSecretKeyNeverShown0000";
    public static final String WEBHOOK_SECRET = "whsec_QideFakeWebhookSecretNeverShown";
    public static final String PRO_PRICE = "price_1QidePro";
    public static final String PRO_PLUS_PRICE = "price_1QideProPlus";
    public static final String TEAMS_PRICE = "price_1QideTeams";
    public static final String PRO_OVERAGE_PRICE = "price_1QideProOverage";
    public static final String PRO_OVERAGE_EVENT = "qide_llm_requests";
    public static final long PRO_INCLUDED = 3;

    /** The fake the application under test talks to. */
    static volatile FakeStripe stripe;

    /** The running fake, for tests in other packages. */
    public static FakeStripe fakeStripe() {
        return stripe;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("qide.billing.stripe.secret-key", SECRET_KEY),
                Map.entry("qide.billing.stripe.webhook-secret", WEBHOOK_SECRET),
                Map.entry("qide.billing.pro.price", PRO_PRICE),
                Map.entry("qide.billing.pro-plus.price", PRO_PLUS_PRICE),
                Map.entry("qide.billing.teams.price", TEAMS_PRICE),
                Map.entry("qide.billing.pro.overage-price", PRO_OVERAGE_PRICE),
                Map.entry("qide.billing.pro.overage-event-name", PRO_OVERAGE_EVENT),
                Map.entry("qide.billing.pro.overage-included", Long.toString(PRO_INCLUDED)),
                Map.entry("qide.billing.entitlement-check-every", "off"),
                Map.entry("qide.billing.usage-report-every", "off"),
                Map.entry("qide.billing.seat-sync-interval", "off"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeStripeResource.class));
    }

    /** Starts the fake before the application and points the SDK (and the billing page's CSP) at it. */
    public static class FakeStripeResource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            stripe = FakeStripe.start(SECRET_KEY);
            return Map.of(
                    "qide.billing.stripe.api-base",
                    stripe.baseUrl(),
                    "qide.billing.redirect-origins",
                    "https://checkout.stripe.com,https://billing.stripe.com," + stripe.baseUrl());
        }

        @Override
        public void stop() {
            if (stripe != null) {
                stripe.stop();
                stripe = null;
            }
        }
    }
}
