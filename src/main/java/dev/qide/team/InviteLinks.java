package dev.qide.team;

import dev.qide.account.user.SecretTokens;
import dev.qide.account.user.User;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.plan.Plan;
import dev.qide.team.InviteRefused.Reason;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the invitation behind a link and decides whether it can be answered, by whom, and whether the team can take
 * the person: the one place that says why a link does not work ({@link InviteRefused}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class InviteLinks {

    private static final int TOKEN_MAX = 100;

    private final Entitlements entitlements;
    private final Clock clock;

    InviteLinks(Entitlements entitlements, Clock clock) {
        this.entitlements = entitlements;
        this.clock = clock;
    }

    /** Whether the invitation can be answered at all, and by this person (null: nobody signed in yet). */
    void requireAnswerable(TeamInvite invite, Workspace team, SignedInUser user) {
        if (team == null || team.deletedAt != null) {
            throw refused(Reason.REVOKED, invite, "The team that sent this invitation no longer exists.");
        }
        switch (invite.status) {
            case REVOKED ->
                throw refused(
                        Reason.REVOKED,
                        invite,
                        team.name + " withdrew this invitation. Ask a team admin to invite you again if you still"
                                + " want to join.");
            case ACCEPTED, DECLINED -> {
                if (user != null && isMember(team.id, user.email())) {
                    throw alreadyMember(invite, team);
                }
                throw refused(
                        Reason.USED,
                        invite,
                        "This invitation to " + team.name + " was already "
                                + (invite.status == InviteStatus.ACCEPTED ? "accepted" : "declined")
                                + ", and an invitation works only once. Ask a team admin for a new one if you need it.");
            }
            case PENDING -> {}
        }
        if (invite.expired(clock.instant())) {
            throw refused(
                    Reason.EXPIRED,
                    invite,
                    "This invitation to " + team.name + " expired on " + TeamMailer.expiry(invite.expiresAt)
                            + ". Ask " + inviterName(invite).orElse("a team admin")
                            + " (or another admin of the team) to send it again.");
        }
        if (user != null && !user.email().equals(invite.email)) {
            throw refused(
                    Reason.WRONG_RECIPIENT,
                    invite,
                    "This invitation is for " + invite.email + ", but you are signed in as " + user.email()
                            + ". Sign out, then open the link again and sign in (or create an account) as "
                            + invite.email + ".");
        }
    }

    /** Whether the team can take this person now. */
    void requireJoinable(TeamInvite invite, Workspace team, SignedInUser user) {
        if (user != null && isMember(team.id, user.email())) {
            throw alreadyMember(invite, team);
        }
        Plan plan = entitlements.plan(team.plan);
        if (!plan.has(Feature.SHARED_WORKSPACES)) {
            throw refused(
                    Reason.NO_TEAM_FEATURES,
                    invite,
                    team.name + " is on the " + plan.name() + " plan now, which has no members besides the owner, so"
                            + " the invitation cannot be accepted yet. Ask the team's owner to upgrade to Teams; the"
                            + " link keeps working until " + TeamMailer.expiry(invite.expiresAt) + ".");
        }
    }

    private InviteRefused alreadyMember(TeamInvite invite, Workspace team) {
        return refused(Reason.ALREADY_MEMBER, invite, "You are already a member of " + team.name + ".");
    }

    private static InviteRefused refused(Reason reason, TeamInvite invite, String detail) {
        return new InviteRefused(reason, detail, invite.email, invite.workspaceId);
    }

    /** The invitation behind a link; locked when it is about to be answered, so it is answered once. */
    TeamInvite byToken(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > TOKEN_MAX) {
            throw InviteRefused.unknown();
        }
        String hash = SecretTokens.hash(token);
        Optional<TeamInvite> found = lock
                ? TeamInvite.find("tokenHash", hash)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResultOptional()
                : TeamInvite.byTokenHash(hash);
        return found.orElseThrow(InviteRefused::unknown);
    }

    static Optional<String> inviterName(TeamInvite invite) {
        return invite.invitedBy == null
                ? Optional.empty()
                : User.<User>findByIdOptional(invite.invitedBy).map(user -> user.displayName);
    }

    static boolean isMember(UUID workspaceId, String email) {
        return WorkspaceMember.count("workspace.id = ?1 and user.email = ?2", workspaceId, email) > 0;
    }
}
