package dev.qide.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One plan of the catalog, as the rest of the application reads it. */
public record Plan(
        PlanId id,
        String name,
        String tagline,
        String price,
        Optional<String> priceNote,
        Map<Quantity, Limit> limits,
        Set<Feature> features,
        List<String> byokProviders,
        int teamMembersMin,
        String supportResponse) {

    /** How a page says a plan leaves something out. */
    public static final String NOT_INCLUDED = "Not included";

    public Plan {
        limits = Map.copyOf(limits);
        features = Set.copyOf(features);
        byokProviders = List.copyOf(byokProviders);
    }

    public Limit limit(Quantity quantity) {
        return limits.get(quantity);
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    /** How many code runs may go at once, as pages show it: "Not included" where the plan has no code execution. */
    public String concurrentRuns() {
        return has(Feature.CODE_EXECUTION) ? limit(Quantity.CONCURRENT_RUNS).display() : NOT_INCLUDED;
    }

    public boolean allowsProvider(String providerId) {
        return byokProviders.contains(providerId);
    }
}
