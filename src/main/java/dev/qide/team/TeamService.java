package dev.qide.team;

import dev.qide.account.user.User;
import dev.qide.audit.AuditLog;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.plan.Limit;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanId;
import dev.qide.plan.Quantity;
import dev.qide.team.TeamAccess.Team;
import dev.qide.web.FormErrors;
import dev.qide.web.HttpProblem;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceKind;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Creating, changing and deleting teams, and everything done to their members (roles, removal, leaving, ownership,
 * LLM carve-outs). Callers open the team through {@link TeamAccess} with the action they need; every change here is
 * audited in the same transaction.
 */
@ApplicationScoped
@Transactional
public class TeamService {

    private final AuditLog audit;
    private final Entitlements entitlements;
    private final Event<TeamMembersChanged> membersChanged;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final Validator validator;

    TeamService(
            AuditLog audit,
            Entitlements entitlements,
            Event<TeamMembersChanged> membersChanged,
            Clock clock,
            Subscriptions subscriptions,
            Validator validator) {
        this.audit = audit;
        this.entitlements = entitlements;
        this.membersChanged = membersChanged;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.validator = validator;
    }

    /** A new team on the Free plan, with its creator as owner. */
    public Workspace create(SignedInUser creator, TeamForm form, String ipAddress) {
        TeamForm checked = checked(form.orBlank());
        String name = checked.name();
        String description = orNull(checked.description());
        Instant now = clock.instant();
        Workspace team = Workspace.create(name, WorkspaceKind.TEAM, PlanId.FREE, now);
        team.description = description;
        team.persist();
        User user = User.findById(creator.userId());
        WorkspaceMember.create(team, user, WorkspaceRole.OWNER, now).persist();
        audit.record(creator, team.id, "team.created", describe(team), null, ipAddress);
        return team;
    }

    /** Renames the team or changes its description or personal-keys setting; what is null stays. */
    public Workspace update(Team team, TeamForm form, Boolean allowPersonalKeys, String ipAddress) {
        team.require(WorkspaceAction.MANAGE_SETTINGS);
        Workspace workspace = workspaceOf(team);
        TeamForm checked = checked(form);
        String name = checked.name() == null ? workspace.name : checked.name();
        String description = checked.description() == null ? workspace.description : orNull(checked.description());
        if (!name.equals(workspace.name)) {
            audit.record(
                    team.actor(),
                    workspace.id,
                    "team.renamed",
                    describe(workspace),
                    "'" + workspace.name + "' -> '" + name + "'",
                    ipAddress);
            workspace.name = name;
        }
        if (!Objects.equals(description, workspace.description)) {
            audit.record(team.actor(), workspace.id, "team.description_changed", describe(workspace), null, ipAddress);
            workspace.description = description;
        }
        if (allowPersonalKeys != null && allowPersonalKeys != workspace.allowPersonalKeys) {
            audit.record(
                    team.actor(),
                    workspace.id,
                    "team.personal_keys_changed",
                    describe(workspace),
                    allowPersonalKeys ? "members may use personal keys" : "only the team's keys",
                    ipAddress);
            workspace.allowPersonalKeys = allowPersonalKeys;
        }
        return workspace;
    }

    /**
     * Deletes the team: every membership and open invitation ends, the row stays (with its audit log) marked
     * deleted. {@code confirmation} must repeat the team's name. A team whose subscription still runs is refused.
     */
    public void delete(Team team, String confirmation, String ipAddress) {
        team.require(WorkspaceAction.DELETE_TEAM);
        Workspace workspace = workspaceOf(team);
        if (subscriptions.running(workspace.id)) {
            throw new HttpProblem(
                    409,
                    "The team still has a subscription. Cancel it in Billing (Manage billing) first; the team can be"
                            + " deleted once it has ended.");
        }
        if (confirmation == null || !confirmation.strip().equals(workspace.name)) {
            FormErrors.of("confirm", "Type the team's name, " + workspace.name + ", to delete it.")
                    .throwIfAny();
        }
        Instant now = clock.instant();
        TeamInvite.update(
                "status = ?1, resolvedAt = ?2 where workspaceId = ?3 and status = ?4",
                InviteStatus.REVOKED,
                now,
                workspace.id,
                InviteStatus.PENDING);
        WorkspaceMember.delete("workspace.id", workspace.id);
        workspace.deletedAt = now;
        audit.record(team.actor(), workspace.id, "team.deleted", describe(workspace), null, ipAddress);
    }

    /** Gives a member another role (not owner: ownership is transferred, never shared). */
    public WorkspaceMember changeRole(Team team, UUID memberUserId, WorkspaceRole role, String ipAddress) {
        team.require(WorkspaceAction.MANAGE_MEMBERS);
        if (role == null || role == WorkspaceRole.OWNER) {
            FormErrors.of("role", "Choose admin, editor or viewer. To hand over the team, transfer ownership.")
                    .throwIfAny();
        }
        WorkspaceMember member = member(team, memberUserId);
        if (member.role == WorkspaceRole.OWNER) {
            throw new HttpProblem(409, "The owner's role changes only by transferring ownership.");
        }
        if (member.role != role) {
            audit.record(
                    team.actor(),
                    team.id(),
                    "member.role_changed",
                    member.user.email,
                    member.role.label() + " -> " + role.label(),
                    ipAddress);
            member.role = role;
        }
        return member;
    }

    /** Takes a member out of the team (not the owner). */
    public WorkspaceMember remove(Team team, UUID memberUserId, String ipAddress) {
        team.require(WorkspaceAction.MANAGE_MEMBERS);
        WorkspaceMember member = member(team, memberUserId);
        if (member.role == WorkspaceRole.OWNER) {
            throw new HttpProblem(409, "The owner cannot be removed. Transfer ownership first.");
        }
        member.delete();
        audit.record(team.actor(), team.id(), "member.removed", member.user.email, member.role.label(), ipAddress);
        membersChanged.fire(new TeamMembersChanged(team.id()));
        return member;
    }

    /** The caller leaves the team; the owner must transfer ownership first. */
    public void leave(Team team, String ipAddress) {
        WorkspaceMember member = member(team, team.actor().userId());
        if (member.role == WorkspaceRole.OWNER) {
            throw new HttpProblem(409, "The owner cannot leave. Transfer ownership to another member first.");
        }
        member.delete();
        audit.record(team.actor(), team.id(), "member.left", team.actor().email(), member.role.label(), ipAddress);
        membersChanged.fire(new TeamMembersChanged(team.id()));
    }

    /** Makes another member the owner; the previous owner stays as an admin. */
    public void transferOwnership(Team team, UUID newOwnerUserId, String ipAddress) {
        team.require(WorkspaceAction.TRANSFER_OWNERSHIP);
        workspaceOf(team);
        WorkspaceMember next = member(team, newOwnerUserId);
        WorkspaceMember current = member(team, team.actor().userId());
        if (next.id.equals(current.id)) {
            FormErrors.of("member", "Choose another member to hand the team to.")
                    .throwIfAny();
        }
        current.role = WorkspaceRole.ADMIN;
        next.role = WorkspaceRole.OWNER;
        audit.record(
                team.actor(),
                team.id(),
                "team.ownership_transferred",
                next.user.email,
                "from " + team.actor().email(),
                ipAddress);
    }

    /**
     * Sets a member's daily LLM-request cap (null: share the pool). Caps are carved out of the team's daily pool, so
     * together they may not exceed it.
     */
    public WorkspaceMember setLlmCap(Team team, UUID memberUserId, Integer cap, String ipAddress) {
        team.require(WorkspaceAction.MANAGE_SETTINGS);
        Plan plan = entitlements.plan(team.workspace().plan);
        if (!plan.has(Feature.MEMBER_QUOTAS)) {
            throw new HttpProblem(
                    403, "The " + plan.name() + " plan has no per-member limits. Upgrade to Teams to set them.");
        }
        WorkspaceMember member = member(team, memberUserId);
        Limit pool = plan.limit(Quantity.LLM_REQUESTS_PER_DAY);
        if (cap != null) {
            FormErrors errors = new FormErrors();
            if (cap < 0) {
                errors.add("cap", "A cap is a number of requests, 0 or more; leave it empty to share the pool.");
            } else if (!pool.unlimited()) {
                long others = WorkspaceMember.<WorkspaceMember>list("workspace.id", team.id()).stream()
                        .filter(other -> !other.id.equals(member.id) && other.llmDailyCap != null)
                        .mapToLong(other -> other.llmDailyCap)
                        .sum();
                if (others + cap > pool.amount()) {
                    errors.add(
                            "cap",
                            "Caps are carved out of the team's " + pool.display() + " LLM requests a day; "
                                    + others + " are already given to other members, so at most "
                                    + Math.max(0, pool.amount() - others) + " are left.");
                }
            }
            errors.throwIfAny();
        }
        if (!Objects.equals(cap, member.llmDailyCap)) {
            audit.record(
                    team.actor(),
                    team.id(),
                    "member.llm_cap_changed",
                    member.user.email,
                    capLabel(member.llmDailyCap) + " -> " + capLabel(cap),
                    ipAddress);
            member.llmDailyCap = cap;
        }
        return member;
    }

    /** Adds a person to the team (an accepted invitation; its seat was counted when it was sent). */
    public WorkspaceMember addMember(Workspace team, User user, WorkspaceRole role) {
        WorkspaceMember member = WorkspaceMember.create(team, user, role, clock.instant());
        member.persist();
        membersChanged.fire(new TeamMembersChanged(team.id));
        return member;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkspaceMember> members(Team team) {
        return WorkspaceMember.listWithUsers(team.id());
    }

    /**
     * The team's row in this transaction, locked: {@link Team} was read before it began, and changes to members and
     * settings of one team go one at a time.
     */
    private static Workspace workspaceOf(Team team) {
        return Workspace.findById(team.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    /** The member with their user loaded: resources name the person after this service's transaction ended. */
    private static WorkspaceMember member(Team team, UUID userId) {
        return WorkspaceMember.findWithUser(team.id(), userId)
                .orElseThrow(() -> new HttpProblem(404, "That person is not a member of this team."));
    }

    /** The form without surrounding spaces, once it passed its checks. */
    private TeamForm checked(TeamForm form) {
        TeamForm stripped = form.stripped();
        FormErrors.of(validator.validate(stripped)).throwIfAny();
        return stripped;
    }

    private static String orNull(String description) {
        return description.isEmpty() ? null : description;
    }

    private static String capLabel(Integer cap) {
        return cap == null ? "shares the pool" : cap + " a day";
    }

    static String describe(Workspace team) {
        return "team " + team.name;
    }
}
