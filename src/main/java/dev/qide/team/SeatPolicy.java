package dev.qide.team;

import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.plan.Limit;
import dev.qide.plan.Plan;
import dev.qide.plan.Quantity;
import dev.qide.web.FormErrors;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * How many people a team may hold. Members and open invitations both take a seat, up to the plan's team-member
 * limit; a plan without shared workspaces has one seat, the owner's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SeatPolicy {

    /** The seats of a team now. {@code limit} is 1 on plans without team features. */
    public record Seats(Plan plan, long members, long openInvites, Limit limit) {

        public long taken() {
            return members + openInvites;
        }

        public boolean teamFeatures() {
            return plan.has(Feature.SHARED_WORKSPACES);
        }

        public boolean full() {
            return !limit.allows(taken() + 1);
        }

        /** "3 of 100 seats taken (2 members, 1 open invitation)". */
        public String summary() {
            return taken() + " of " + limit.display() + (limit.amount() == 1 ? " seat" : " seats") + " taken ("
                    + members + (members == 1 ? " member" : " members") + ", " + openInvites
                    + (openInvites == 1 ? " open invitation)" : " open invitations)");
        }
    }

    private final Entitlements entitlements;
    private final Clock clock;

    SeatPolicy(Entitlements entitlements, Clock clock) {
        this.entitlements = entitlements;
        this.clock = clock;
    }

    public Seats of(Workspace team) {
        Instant now = clock.instant();
        Plan plan = entitlements.plan(team.plan);
        Limit limit = plan.has(Feature.SHARED_WORKSPACES) ? plan.limit(Quantity.TEAM_MEMBERS) : Limit.of(1);
        return new Seats(plan, WorkspaceMember.countIn(team.id), TeamInvite.countOpen(team.id, now), limit);
    }

    /**
     * Refuses one more person (under {@code field}) when every seat is taken, saying why and what to do. The caller
     * holds the team row locked, so two invitations cannot take the last seat together.
     */
    public void requireFreeSeat(Workspace team, FormErrors errors, String field) {
        Seats seats = of(team);
        if (!seats.full()) {
            return;
        }
        if (!seats.teamFeatures()) {
            errors.add(
                    field,
                    "The " + seats.plan().name() + " plan has no team members besides the owner. Upgrade to Teams in"
                            + " Billing to invite people.");
        } else {
            errors.add(
                    field,
                    "Every seat is taken: " + seats.summary() + ". Remove a member or revoke an invitation first.");
        }
    }
}
