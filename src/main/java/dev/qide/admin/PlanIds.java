package dev.qide.admin;

import dev.qide.plan.PlanId;
import dev.qide.web.EnumNames;
import dev.qide.web.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads a plan id an admin sent ("pro", "PRO_PLUS"), refusing anything else with the list of plans. */
final class PlanIds {

    private PlanIds() {}

    static PlanId parse(String value) {
        return EnumNames.parse(PlanId.class, value)
                .orElseThrow(() -> InvalidInputException.of(
                        "plan",
                        "Choose one of the plans: "
                                + Arrays.stream(PlanId.values())
                                        .map(PlanId::name)
                                        .collect(Collectors.joining(", "))
                                + "."));
    }
}
