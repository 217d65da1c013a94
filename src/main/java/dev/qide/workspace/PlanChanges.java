package dev.qide.workspace;

import dev.qide.audit.AuditLog;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.PlanId;
import dev.qide.web.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The one way a workspace's plan changes, whoever changes it (a platform admin, or billing following Stripe): the
 * new plan applies at once, nothing is deleted on a lower plan, and every change is audited.
 */
@ApplicationScoped
@Transactional
public class PlanChanges {

    static final String ACTION = "workspace.plan_changed";

    private final AuditLog audit;

    PlanChanges(AuditLog audit) {
        this.audit = audit;
    }

    /** A platform admin puts the workspace on {@code plan}. */
    public Workspace byAdmin(SignedInUser admin, UUID workspaceId, PlanId plan, String ipAddress) {
        Workspace workspace = find(workspaceId);
        PlanId before = workspace.plan;
        if (before != plan) {
            workspace.plan = plan;
            audit.record(
                    admin,
                    workspace.id,
                    ACTION,
                    target(workspace),
                    before + " -> " + plan + " (set by a platform admin)",
                    ipAddress);
        }
        return workspace;
    }

    /** Billing puts the workspace on {@code plan} because of its subscription; {@code why} goes to the audit log. */
    public Workspace bySubscription(UUID workspaceId, PlanId plan, String why) {
        Workspace workspace = find(workspaceId);
        PlanId before = workspace.plan;
        if (before != plan) {
            workspace.plan = plan;
            audit.recordBySystem(
                    workspace.id,
                    AuditLog.BILLING_ACTOR,
                    ACTION,
                    target(workspace),
                    before + " -> " + plan + " (" + why + ")");
        }
        return workspace;
    }

    private static Workspace find(UUID workspaceId) {
        return Workspace.<Workspace>findByIdOptional(workspaceId)
                .orElseThrow(() -> new HttpProblem(404, "That workspace does not exist."));
    }

    private static String target(Workspace workspace) {
        return "workspace " + workspace.id;
    }
}
