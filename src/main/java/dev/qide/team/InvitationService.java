package dev.qide.team;

import dev.qide.account.session.SessionService;
import dev.qide.account.user.EmailAddress;
import dev.qide.account.user.SecretTokens;
import dev.qide.account.user.User;
import dev.qide.audit.AuditLog;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.team.TeamAccess.Team;
import dev.qide.web.FormErrors;
import dev.qide.web.HttpProblem;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Invitations by email: sending, re-sending and revoking them (team admins), and answering them (the invited person,
 * signed in with the invited address). An invitation holds a seat while it is open; its single-use token travels
 * only in the email, the database keeps its hash.
 */
@ApplicationScoped
@Transactional
public class InvitationService {

    /** The roles an invitation may give: the owner is one person, and ownership is transferred, not given. */
    public static final List<WorkspaceRole> ROLES =
            List.of(WorkspaceRole.ADMIN, WorkspaceRole.EDITOR, WorkspaceRole.VIEWER);

    /** A new mail for the same invitation is not sent sooner than this after the last, so inboxes cannot be flooded. */
    static final Duration RESEND_PAUSE = Duration.ofMinutes(1);

    /** An open invitation and who sent it (null names when that account is gone). */
    public record OpenInvite(TeamInvite invite, String invitedByName, String invitedByEmail) {

        public String revokeQuestion() {
            return "Revoke the invitation to " + invite.email + "?";
        }
    }

    /** What the invitation page shows before it is answered. */
    public record Preview(TeamInvite invite, Workspace team, String inviterName, boolean accountExists) {}

    /** The team the person joined, and as what. */
    public record Accepted(UUID teamId, String teamName, WorkspaceRole role) {}

    private final AuditLog audit;
    private final InviteLinks links;
    private final SeatPolicy seats;
    private final TeamService teams;
    private final TeamMailer mailer;
    private final SessionService sessions;
    private final InviteConfig config;
    private final Clock clock;

    InvitationService(
            AuditLog audit,
            InviteLinks links,
            SeatPolicy seats,
            TeamService teams,
            TeamMailer mailer,
            SessionService sessions,
            InviteConfig config,
            Clock clock) {
        this.audit = audit;
        this.links = links;
        this.seats = seats;
        this.teams = teams;
        this.mailer = mailer;
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Invites {@code rawEmail} to the team as {@code role} and mails the link. Refused (with field errors, changing
     * nothing) for a bad address or role, a member, an address with an open invitation, or when no seat is free.
     */
    public TeamInvite invite(Team team, String rawEmail, WorkspaceRole role, String ipAddress) {
        team.require(WorkspaceAction.MANAGE_MEMBERS);
        FormErrors errors = new FormErrors();
        String email = EmailAddress.normalize(rawEmail);
        if (email.isEmpty()) {
            errors.add("email", "Enter the email address of the person to invite.");
        } else {
            EmailAddress.problem(email).ifPresent(problem -> errors.add("email", problem));
        }
        if (role == null || !ROLES.contains(role)) {
            errors.add(
                    "role", "Choose admin, editor or viewer. To hand over the team, transfer ownership to a member.");
        }
        errors.throwIfAny();
        // Locked so that two invitations cannot take the last seat together.
        Workspace workspace = Workspace.findById(team.id(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (InviteLinks.isMember(workspace.id, email)) {
            errors.add("email", email + " is already a member of " + workspace.name + ".");
        } else if (TeamInvite.openFor(workspace.id, email, now).isPresent()) {
            errors.add("email", email + " is already invited — resend it instead.");
        } else {
            seats.requireFreeSeat(workspace, errors, FormErrors.FORM);
        }
        errors.throwIfAny();

        String token = SecretTokens.newToken();
        TeamInvite invite = new TeamInvite();
        invite.id = UUID.randomUUID();
        invite.workspaceId = workspace.id;
        invite.email = email;
        invite.role = role;
        invite.tokenHash = SecretTokens.hash(token);
        invite.status = InviteStatus.PENDING;
        invite.invitedBy = team.actor().userId();
        invite.createdAt = now;
        invite.sentAt = now;
        invite.expiresAt = now.plus(config.inviteTtl());
        invite.persist();
        audit.record(team.actor(), workspace.id, "invite.sent", email, role.label(), ipAddress);
        mail(invite, token, workspace, team.actor().displayName());
        return invite;
    }

    /** Sends a pending invitation again with a new link (the old one stops working) and a new expiry. */
    public TeamInvite resend(Team team, UUID inviteId, String ipAddress) {
        team.require(WorkspaceAction.MANAGE_MEMBERS);
        TeamInvite invite = pendingIn(team, inviteId);
        Instant now = clock.instant();
        Instant nextAllowed = invite.sentAt.plus(RESEND_PAUSE);
        if (nextAllowed.isAfter(now)) {
            throw new HttpProblem(
                    429,
                    "The invitation to " + invite.email + " was sent less than a minute ago. Give the mail a moment"
                            + " to arrive before sending it again.",
                    Math.max(1, Duration.between(now, nextAllowed).toSeconds()));
        }
        Workspace workspace = Workspace.findById(team.id(), LockModeType.PESSIMISTIC_WRITE);
        if (InviteLinks.isMember(workspace.id, invite.email)) {
            throw new HttpProblem(409, invite.email + " is already a member of " + workspace.name + ".");
        }
        Optional<TeamInvite> newer = TeamInvite.openFor(workspace.id, invite.email, now);
        if (newer.isPresent() && !newer.get().id.equals(invite.id)) {
            throw new HttpProblem(409, invite.email + " has a newer open invitation; resend that one instead.");
        }
        if (invite.expired(now)) {
            // An expired invitation gave its seat back; sending it again takes one.
            FormErrors errors = new FormErrors();
            seats.requireFreeSeat(workspace, errors, FormErrors.FORM);
            errors.throwIfAny();
        }
        String token = SecretTokens.newToken();
        invite.tokenHash = SecretTokens.hash(token);
        invite.sentAt = now;
        invite.expiresAt = now.plus(config.inviteTtl());
        audit.record(team.actor(), workspace.id, "invite.resent", invite.email, invite.role.label(), ipAddress);
        mail(
                invite,
                token,
                workspace,
                InviteLinks.inviterName(invite).orElse(team.actor().displayName()));
        return invite;
    }

    /** Withdraws a pending invitation: its link stops working and its seat is free again. */
    public TeamInvite revoke(Team team, UUID inviteId, String ipAddress) {
        team.require(WorkspaceAction.MANAGE_MEMBERS);
        TeamInvite invite = pendingIn(team, inviteId);
        invite.status = InviteStatus.REVOKED;
        invite.resolvedAt = clock.instant();
        invite.resolvedBy = team.actor().userId();
        audit.record(team.actor(), team.id(), "invite.revoked", invite.email, invite.role.label(), ipAddress);
        return invite;
    }

    /** Invitations still pending and not expired, newest first, with who sent them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpenInvite> openInvites(Team team) {
        List<TeamInvite> invites = TeamInvite.openIn(team.id(), clock.instant());
        Set<UUID> inviterIds = invites.stream()
                .map(invite -> invite.invitedBy)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<UUID, User> inviters = inviterIds.isEmpty()
                ? Map.of()
                : User.<User>list("id in ?1", inviterIds).stream()
                        .collect(Collectors.toMap(user -> user.id, Function.identity()));
        return invites.stream()
                .map(invite -> {
                    User inviter = invite.invitedBy == null ? null : inviters.get(invite.invitedBy);
                    return new OpenInvite(
                            invite,
                            inviter == null ? null : inviter.displayName,
                            inviter == null ? null : inviter.email);
                })
                .toList();
    }

    /**
     * The invitation behind a link, as {@code user} (null: nobody signed in) may answer it; refused with the reason
     * when it cannot be answered.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(String token, SignedInUser user) {
        TeamInvite invite = links.byToken(token, false);
        Workspace team = Workspace.findById(invite.workspaceId);
        links.requireAnswerable(invite, team, user);
        links.requireJoinable(invite, team, user);
        return new Preview(
                invite,
                team,
                InviteLinks.inviterName(invite).orElse("A team admin"),
                User.findByEmail(invite.email).isPresent());
    }

    /** Accepts the invitation behind a link as the signed-in person; see {@link #accept(SignedInUser, UUID, String, String)}. */
    public Accepted accept(SignedInUser user, String token, String ipAddress) {
        return accept(user, null, token, ipAddress);
    }

    /**
     * Makes the signed-in person a member with the invited role, proves their address (the link reached its inbox)
     * and, in a browser session, makes the team their current workspace. {@code teamId}, when given, must be the
     * invitation's team.
     */
    public Accepted accept(SignedInUser user, UUID teamId, String token, String ipAddress) {
        TeamInvite invite = links.byToken(token, true);
        if (teamId != null && !teamId.equals(invite.workspaceId)) {
            throw InviteRefused.unknown();
        }
        Workspace team = Workspace.findById(invite.workspaceId);
        links.requireAnswerable(invite, team, user);
        links.requireJoinable(invite, team, user);
        Instant now = clock.instant();
        User person = User.findById(user.userId());
        teams.addMember(team, person, invite.role);
        invite.status = InviteStatus.ACCEPTED;
        invite.resolvedAt = now;
        invite.resolvedBy = person.id;
        if (!person.isEmailVerified()) {
            person.emailVerifiedAt = now;
        }
        audit.record(user, team.id, "invite.accepted", invite.email, invite.role.label(), ipAddress);
        audit.record(user, team.id, "member.joined", invite.email, invite.role.label(), ipAddress);
        if (user.sessionId() != null) {
            sessions.switchWorkspace(user.sessionId(), user.userId(), team.id);
        }
        return new Accepted(team.id, team.name, invite.role);
    }

    /** Declines the invitation behind a link as the signed-in person; it cannot be used afterwards. */
    public Workspace decline(SignedInUser user, String token, String ipAddress) {
        TeamInvite invite = links.byToken(token, true);
        Workspace team = Workspace.findById(invite.workspaceId);
        links.requireAnswerable(invite, team, user);
        invite.status = InviteStatus.DECLINED;
        invite.resolvedAt = clock.instant();
        invite.resolvedBy = user.userId();
        audit.record(user, team.id, "invite.declined", invite.email, invite.role.label(), ipAddress);
        return team;
    }

    private static TeamInvite pendingIn(Team team, UUID inviteId) {
        TeamInvite invite = TeamInvite.inWorkspace(team.id(), inviteId)
                .orElseThrow(() -> new HttpProblem(404, "That invitation does not exist."));
        if (invite.status != InviteStatus.PENDING) {
            throw new HttpProblem(
                    409,
                    "The invitation to " + invite.email + " was already "
                            + invite.status.name().toLowerCase(Locale.ROOT)
                            + ". Invite the person again to send a new one.");
        }
        return invite;
    }

    private void mail(TeamInvite invite, String token, Workspace workspace, String inviterName) {
        if (!mailer.sendInvite(invite, token, workspace.name, inviterName)) {
            // Thrown, so the transaction rolls back: no invitation exists that nobody was told about.
            throw new HttpProblem(
                    503,
                    "The invitation email to " + invite.email + " could not be sent, so nothing was saved. Please try"
                            + " again in a few minutes.");
        }
    }
}
