package dev.qide.admin;

import dev.qide.account.session.UserSession;
import dev.qide.account.user.User;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.workspace.PlanChanges;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Platform-wide figures for operators. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminService {

    /** The headline numbers of the admin overview. */
    public record Overview(
            long users,
            long usersLastWeek,
            long verifiedUsers,
            long liveSessions,
            Map<PlanId, Long> workspacesByPlan,
            List<User> newestUsers) {}

    /** A workspace as the admin page lists it, with its owner. */
    public record WorkspaceRow(Workspace workspace, String ownerEmail) {}

    private static final int NEWEST_USERS = 50;
    private static final int WORKSPACES_SHOWN = 20;

    private final Clock clock;
    private final PlanChanges planChanges;

    AdminService(Clock clock, PlanChanges planChanges) {
        this.clock = clock;
        this.planChanges = planChanges;
    }

    /** Workspaces whose name or owner's email contains {@code search}, newest first (20 at most). */
    public List<WorkspaceRow> workspaces(String search) {
        String pattern = "%" + (search == null ? "" : search.strip().toLowerCase(Locale.ROOT)) + "%";
        List<WorkspaceMember> owners = WorkspaceMember.<WorkspaceMember>find(
                        "from WorkspaceMember m join fetch m.workspace w join fetch m.user u where m.role = ?1"
                                + " and (lower(w.name) like ?2 or lower(u.email) like ?2) order by w.createdAt desc",
                        WorkspaceRole.OWNER,
                        pattern)
                .page(0, WORKSPACES_SHOWN)
                .list();
        return owners.stream()
                .map(owner -> new WorkspaceRow(owner.workspace, owner.user.email))
                .toList();
    }

    /**
     * Puts a workspace on {@code plan} (what billing does once Stripe is configured), with an audit record of who
     * changed it from what. Limits follow at once; a lower plan deletes nothing.
     */
    @Transactional
    public Workspace setPlan(SignedInUser admin, UUID workspaceId, PlanId plan, String ipAddress) {
        return planChanges.byAdmin(admin, workspaceId, plan, ipAddress);
    }

    public Overview overview() {
        Instant now = clock.instant();
        Map<PlanId, Long> byPlan = new EnumMap<>(PlanId.class);
        for (PlanId plan : PlanId.values()) {
            byPlan.put(plan, Workspace.count("plan", plan));
        }
        return new Overview(
                User.count(),
                User.count("createdAt > ?1", now.minus(Duration.ofDays(7))),
                User.count("emailVerifiedAt is not null"),
                UserSession.count("expiresAt > ?1", now),
                byPlan,
                User.find("order by createdAt desc").page(0, NEWEST_USERS).list());
    }
}
