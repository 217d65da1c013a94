package dev.qide.account.session;

import dev.qide.account.user.AccountConfig;
import dev.qide.account.user.PlatformAdmins;
import dev.qide.account.user.SecretTokens;
import dev.qide.account.user.User;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.SignedInUser;
import dev.qide.web.HttpProblem;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import dev.qide.workspace.WorkspaceService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Starts, resolves and ends sign-in sessions. */
@ApplicationScoped
@Transactional
public class SessionService {

    /** Writing last-seen on every request would turn reads into writes; once in this interval is enough. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final Clock clock;
    private final AccountConfig config;
    private final WorkspaceService workspaces;
    private final PlatformAdmins admins;

    SessionService(Clock clock, AccountConfig config, WorkspaceService workspaces, PlatformAdmins admins) {
        this.clock = clock;
        this.config = config;
        this.workspaces = workspaces;
        this.admins = admins;
    }

    /** A new session for a user in their personal workspace; returns the token for the cookie. */
    public String start(UUID userId, String signInMethod, ClientInfo client) {
        Instant now = clock.instant();
        User user = User.<User>findByIdOptional(userId).orElseThrow();
        user.lastSignInAt = now;
        Workspace workspace =
                workspaces.personalWorkspaceOf(user.id).orElseGet(() -> workspaces.createPersonalWorkspace(user));

        String token = SecretTokens.newToken();
        UserSession session = new UserSession();
        session.id = UUID.randomUUID();
        session.tokenHash = SecretTokens.hash(token);
        session.user = user;
        session.workspace = workspace;
        session.signInMethod = signInMethod;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.sessionIdleTimeout());
        session.userAgent = client.userAgent();
        session.ipAddress = client.ipAddress();
        session.persist();
        return token;
    }

    /** The person behind a session token, when the session is live; pushes its expiry forward now and then. */
    public Optional<SignedInUser> resolve(String token) {
        Instant now = clock.instant();
        Optional<UserSession> found = UserSession.findLive(SecretTokens.hash(token), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UserSession session = found.get();
        Optional<WorkspaceMember> membership = workspaces.membership(session.workspace.id, session.user.id);
        if (membership.isEmpty()) {
            // Removed from the workspace (or the team was deleted) since: continue in the personal one.
            session.workspace = workspaces
                    .personalWorkspaceOf(session.user.id)
                    .orElseGet(() -> workspaces.createPersonalWorkspace(session.user));
            membership = workspaces.membership(session.workspace.id, session.user.id);
        }
        if (session.lastSeenAt.plus(TOUCH_INTERVAL).isBefore(now)) {
            session.lastSeenAt = now;
            Instant idleLimit = now.plus(config.sessionIdleTimeout());
            Instant absoluteLimit = session.createdAt.plus(config.sessionLifetime());
            session.expiresAt = idleLimit.isBefore(absoluteLimit) ? idleLimit : absoluteLimit;
            membership.orElseThrow().lastActiveAt = now;
        }
        User user = session.user;
        return Optional.of(new SignedInUser(
                user.id,
                user.email,
                user.displayName,
                user.theme,
                user.isEmailVerified(),
                user.hasPassword(),
                admins.isAdmin(user),
                session.id,
                session.workspace.id,
                session.workspace.name,
                session.workspace.plan,
                membership.orElseThrow().role));
    }

    /**
     * Makes {@code workspaceId} the session's current workspace; a workspace the person does not belong to answers
     * 404, as if it did not exist.
     */
    public Workspace switchWorkspace(UUID sessionId, UUID userId, UUID workspaceId) {
        WorkspaceMember membership = workspaces
                .membership(workspaceId, userId)
                .filter(member -> member.workspace.deletedAt == null)
                .orElseThrow(() -> new HttpProblem(404, "That workspace does not exist, or you are not a member."));
        UserSession session = Optional.ofNullable(sessionId)
                .flatMap(id -> UserSession.<UserSession>findByIdOptional(id))
                .orElseThrow(() -> new HttpProblem(409, "Switching workspaces needs a browser session."));
        session.workspace = membership.workspace;
        membership.lastActiveAt = clock.instant();
        return membership.workspace;
    }

    /** Ends the session behind {@code token}, if any. */
    public void end(String token) {
        UserSession.delete("tokenHash", SecretTokens.hash(token));
    }

    /** Ends every session of a user except {@code keep} (null: all of them); returns how many ended. */
    public long endOthers(UUID userId, UUID keep) {
        return keep == null
                ? UserSession.delete("user.id", userId)
                : UserSession.delete("user.id = ?1 and id <> ?2", userId, keep);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserSession> liveSessions(UUID userId) {
        return UserSession.listLive(userId, clock.instant());
    }

    /** Deletes expired sessions. Safe to run late, twice, or on several replicas at once. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        long purged = UserSession.delete("expiresAt <= ?1", clock.instant());
        if (purged > 0) {
            Log.infof("Purged %d expired sessions", purged);
        }
    }
}
