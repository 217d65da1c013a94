package dev.qide.plan;

import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The pricing page's comparison table, computed from the catalog: one row per limit or feature, one cell per plan. */
public final class PlanComparison {

    /** A cell shows either text or a yes/no mark ({@code included} non-null). */
    public record Cell(String text, Boolean included) {

        static Cell text(String text) {
            return new Cell(text, null);
        }

        static Cell mark(boolean included) {
            return new Cell(included ? "Included" : Plan.NOT_INCLUDED, included);
        }
    }

    public record Row(String label, List<Cell> cells) {}

    private PlanComparison() {}

    /** The rows for {@code plans}, naming BYOK providers as {@code providers} does. */
    public static List<Row> rows(List<Plan> plans, LlmCatalog providers) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(
                "API calls / day",
                plans,
                plan -> Cell.text(plan.limit(Quantity.API_CALLS_PER_DAY).display())));
        rows.add(row(
                "API requests / minute",
                plans,
                plan -> Cell.text(plan.limit(Quantity.REQUESTS_PER_MINUTE).display())));
        rows.add(row(
                "LLM requests / day",
                plans,
                plan -> Cell.text(plan.limit(Quantity.LLM_REQUESTS_PER_DAY).display())));
        rows.add(row(
                "Storage",
                plans,
                plan -> Cell.text(StorageLimitConverter.display(plan.limit(Quantity.STORAGE_BYTES)))));
        rows.add(row(
                "Concurrent code runs",
                plans,
                plan -> plan.has(Feature.CODE_EXECUTION)
                        ? Cell.text(plan.limit(Quantity.CONCURRENT_RUNS).display())
                        : Cell.mark(false)));
        rows.add(mark("Code execution", plans, Feature.CODE_EXECUTION));
        rows.add(row(
                "Platform API keys",
                plans,
                plan -> Cell.text(plan.limit(Quantity.API_KEYS).display())));
        rows.add(mark("Outgoing webhooks", plans, Feature.OUTGOING_WEBHOOKS));
        rows.add(row("Run & debug log retention", plans, plan -> Cell.text(retention(plan))));
        rows.add(mark("File version history", plans, Feature.VERSION_HISTORY));
        rows.add(row("BYOK providers", plans, plan -> Cell.text(providerNames(plan, providers))));
        rows.add(mark("Custom endpoint (base URL)", plans, Feature.CUSTOM_ENDPOINT));
        rows.add(row("Team members", plans, plan -> Cell.text(members(plan))));
        rows.add(mark("Roles", plans, Feature.ROLES));
        rows.add(mark("Shared workspaces", plans, Feature.SHARED_WORKSPACES));
        rows.add(mark("Audit log", plans, Feature.AUDIT_LOG));
        rows.add(mark("Member quotas", plans, Feature.MEMBER_QUOTAS));
        rows.add(mark("SSO (your own OIDC issuer)", plans, Feature.SSO));
        rows.add(row(
                "Platform-managed LLM keys",
                plans,
                plan -> plan.has(Feature.PLATFORM_MANAGED_KEYS) ? Cell.text("Optional add-on") : Cell.mark(false)));
        rows.add(row("Support response", plans, plan -> Cell.text(plan.supportResponse())));
        return rows;
    }

    private static Row row(String label, List<Plan> plans, Function<Plan, Cell> cell) {
        return new Row(label, plans.stream().map(cell).toList());
    }

    private static Row mark(String label, List<Plan> plans, Feature feature) {
        return row(label, plans, plan -> Cell.mark(plan.has(feature)));
    }

    private static String retention(Plan plan) {
        Limit days = plan.limit(Quantity.LOG_RETENTION_DAYS);
        return days.unlimited() ? "Forever" : days.display() + (days.amount() == 1 ? " day" : " days");
    }

    private static String members(Plan plan) {
        Limit max = plan.limit(Quantity.TEAM_MEMBERS);
        if (max.unlimited()) {
            return "Unlimited";
        }
        return plan.teamMembersMin() < max.amount() ? plan.teamMembersMin() + "–" + max.display() : max.display();
    }

    private static String providerNames(Plan plan, LlmCatalog providers) {
        List<String> major = plan.byokProviders().stream()
                .filter(id -> !id.equals(LlmProvider.CUSTOM))
                .toList();
        long catalogMajor = providers.providers().stream()
                .filter(provider -> !provider.isCustomEndpoint())
                .count();
        String names = major.size() == catalogMajor
                ? "All major providers"
                : major.stream().map(providers::displayName).collect(Collectors.joining(", "));
        return plan.allowsProvider(LlmProvider.CUSTOM) ? names + " + custom endpoints" : names;
    }
}
