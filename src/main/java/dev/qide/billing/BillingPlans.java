package dev.qide.billing;

import dev.qide.billing.BillingConfig.PlanPrices;
import dev.qide.plan.PlanId;
import dev.qide.quota.Meter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Which plans are for sale in Stripe, at which price ids, and whether billing is set up at all. */
@ApplicationScoped
public class BillingPlans {

    /** A plan's metered overage: Q-IDE meter, Stripe meter event name and price, units included per period. */
    public record Overage(Meter meter, String eventName, String priceId, OptionalLong included) {}

    private final BillingConfig config;
    private final Map<PlanId, PlanPrices> prices = new EnumMap<>(PlanId.class);

    BillingPlans(BillingConfig config) {
        this.config = config;
        prices.put(PlanId.PRO, config.pro());
        prices.put(PlanId.PRO_PLUS, config.proPlus());
        prices.put(PlanId.TEAMS, config.teams());
        prices.put(PlanId.ENTERPRISE, config.enterprise());
    }

    /** Whether Stripe is set up: a secret key and a webhook secret. */
    public boolean configured() {
        return config.stripe().secretKey().isPresent()
                && config.stripe().webhookSecret().isPresent();
    }

    /** The recurring price id that sells {@code plan}, if it is for sale. */
    public Optional<String> priceOf(PlanId plan) {
        PlanPrices planPrices = prices.get(plan);
        return planPrices == null ? Optional.empty() : planPrices.price();
    }

    /** Whether the plan is sold per seat (TEAMS by default). */
    public boolean perSeat(PlanId plan) {
        PlanPrices planPrices = prices.get(plan);
        return planPrices != null && planPrices.perSeat();
    }

    /** The plan a recurring price id sells, if it is one of ours. */
    public Optional<PlanId> planOf(String priceId) {
        return prices.entrySet().stream()
                .filter(entry -> entry.getValue().price().map(priceId::equals).orElse(false))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Plans that can be bought, cheapest first. */
    public List<PlanId> forSale() {
        return prices.keySet().stream()
                .filter(plan -> priceOf(plan).isPresent())
                .toList();
    }

    /** The plan's metered overage, when it has a price and a meter event name. */
    public Optional<Overage> overageOf(PlanId plan) {
        PlanPrices planPrices = prices.get(plan);
        if (planPrices == null
                || planPrices.overagePrice().isEmpty()
                || planPrices.overageEventName().isEmpty()) {
            return Optional.empty();
        }
        Meter meter = Meter.valueOf(planPrices.overageMeter().toUpperCase(Locale.ROOT));
        return Optional.of(new Overage(
                meter,
                planPrices.overageEventName().get(),
                planPrices.overagePrice().get(),
                planPrices.overageIncluded()));
    }
}
