package dev.qide.admin;

import dev.qide.account.User;
import dev.qide.account.UserSession;
import dev.qide.plan.PlanId;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    private static final int NEWEST_USERS = 50;

    private final Clock clock;

    AdminService(Clock clock) {
        this.clock = clock;
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
