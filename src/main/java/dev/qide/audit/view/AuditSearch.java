package dev.qide.audit.view;

import dev.qide.audit.AuditEvent;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanCatalog;
import dev.qide.team.TeamAccess.Team;
import dev.qide.web.FormErrors;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads a team's audit log a page at a time, for a member the caller already opened the team for. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditSearch {

    public static final int PAGE_SIZE = 100;

    private final Entitlements entitlements;
    private final PlanCatalog catalog;

    AuditSearch(Entitlements entitlements, PlanCatalog catalog) {
        this.entitlements = entitlements;
        this.catalog = catalog;
    }

    /** Why the workspace's plan shows no audit log and what to do; empty when it does. */
    public Optional<String> upgradeReason(Workspace workspace) {
        Plan plan = entitlements.plan(workspace.plan);
        if (plan.has(Feature.AUDIT_LOG)) {
            return Optional.empty();
        }
        List<String> plans = catalog.all().stream()
                .filter(each -> each.has(Feature.AUDIT_LOG))
                .map(Plan::name)
                .toList();
        String with = plans.isEmpty()
                ? "is not part of any plan on this server"
                : "comes with the " + names(plans) + (plans.size() == 1 ? " plan" : " plans");
        return Optional.of("The audit log " + with + "; " + workspace.name + " is on the " + plan.name()
                + " plan. Upgrade it in Billing to see who did what, and to export it.");
    }

    /**
     * The page of the log the filter selects, older than the cursor text from an "Older" link. A damaged cursor is a
     * message on the form, like a bad date.
     */
    public AuditLogView page(Team team, AuditFilter filter, String before) {
        Workspace workspace = team.workspace();
        Optional<String> upgrade = upgradeReason(workspace);
        if (upgrade.isPresent()) {
            return new AuditLogView(
                    workspace.id, workspace.name, upgrade.get(), filter, List.of(), null, 0, List.of(), List.of());
        }
        Optional<AuditCursor> cursor = AuditCursor.parse(before);
        if (before != null && !before.isBlank() && cursor.isEmpty()) {
            filter.errors().add(FormErrors.FORM, "That link to older records is damaged. Start again from the newest.");
        }
        List<String> actors = AuditEvent.actorsIn(workspace.id);
        List<String> actions = AuditEvent.actionsIn(workspace.id);
        if (!filter.valid()) {
            return new AuditLogView(workspace.id, workspace.name, null, filter, List.of(), null, 0, actors, actions);
        }
        AuditQuery query = new AuditQuery(workspace.id, filter);
        List<AuditEvent> found = query.page(cursor.orElse(null), PAGE_SIZE + 1);
        AuditCursor older = null;
        if (found.size() > PAGE_SIZE) {
            found = found.subList(0, PAGE_SIZE);
            older = AuditCursor.after(found.getLast());
        }
        return new AuditLogView(
                workspace.id, workspace.name, null, filter, found, older, query.count(), actors, actions);
    }

    private static String names(List<String> plans) {
        if (plans.size() == 1) {
            return plans.getFirst();
        }
        return String.join(", ", plans.subList(0, plans.size() - 1)) + " and " + plans.getLast();
    }
}
