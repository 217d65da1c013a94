package dev.qide.apikey;

import dev.qide.account.user.SecretTokens;
import dev.qide.account.user.User;
import dev.qide.identity.ApiKeyPrincipal;
import dev.qide.identity.ApiScope;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Entitlements.WorkspaceEntitlements;
import dev.qide.plan.Limit;
import dev.qide.plan.Quantity;
import dev.qide.web.FormErrors;
import dev.qide.web.HttpProblem;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import dev.qide.workspace.WorkspaceService;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Makes, lists, revokes and checks platform API keys. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    /** Every key starts with this, so people (and secret scanners) can recognise one. */
    public static final String SECRET_PREFIX = "qide_";

    /** How much of the secret stays visible: {@code qide_} and eight random characters. */
    static final int VISIBLE_CHARACTERS = SECRET_PREFIX.length() + 8;

    /** Attribute of the {@link AuthenticationFailedException} for a refused key: why, as the 401 tells it. */
    public static final String REFUSAL = "qide.api-key.refusal";

    /** Writing last-used on every request would turn reads into writes; once a minute is precise enough. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final Pattern SECRET_FORMAT = Pattern.compile("qide_[A-Za-z0-9_-]{32,100}");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int NAME_MAX = 80;

    /** What the create form sends: a name, scope ids, a {@link KeyExpiry} value and the date for {@code date}. */
    public record NewKey(String name, List<String> scopes, String expiry, String expiresOn) {}

    /** A key just made, with its secret: the only moment the secret exists outside the caller's hands. */
    public record CreatedKey(ApiKey key, String secret) {

        /** Never the secret, should the record end up in a log line or an exception. */
        @Override
        public String toString() {
            return "CreatedKey[" + key.prefix + "\u2026]";
        }
    }

    /** Who a valid key acts as, and the key itself. */
    public record Resolved(SignedInUser user, ApiKeyPrincipal key) {}

    private final Clock clock;
    private final Entitlements entitlements;
    private final WorkspaceService workspaces;

    ApiKeyService(Clock clock, Entitlements entitlements, WorkspaceService workspaces) {
        this.clock = clock;
        this.entitlements = entitlements;
        this.workspaces = workspaces;
    }

    /**
     * A new key in the caller's workspace, acting as the caller. Refused with 403 for a role that may not make keys
     * (a team's viewers), with form errors for bad input or when the plan's key limit is reached; the workspace row is
     * locked while counting, so two requests cannot both take the last free place.
     */
    public CreatedKey create(SignedInUser user, NewKey form) {
        user.require(WorkspaceAction.MAKE_API_KEYS);
        Instant now = clock.instant();
        FormErrors errors = FormErrors.none();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            errors.add("name", "Give the key a name, such as the script or machine that will use it.");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "Key names can be at most " + NAME_MAX + " characters.");
        }
        Set<ApiScope> scopes = scopes(form.scopes(), errors);
        Instant expiresAt = KeyExpiry.expiresAt(form.expiry(), form.expiresOn(), now, errors);
        errors.throwIfAny();

        Workspace workspace = Workspace.findById(user.workspaceId(), LockModeType.PESSIMISTIC_WRITE);
        WorkspaceEntitlements entitled = entitlements.of(workspace.id, workspace.plan);
        Limit limit = entitled.limit(Quantity.API_KEYS);
        if (!limit.allows(ApiKey.countActive(workspace.id, now) + 1)) {
            FormErrors.of(
                            FormErrors.FORM,
                            "The " + entitled.plan().name() + " plan allows " + keys(limit.amount())
                                    + "; revoke one or upgrade.")
                    .throwIfAny();
        }

        String secret = SECRET_PREFIX + SecretTokens.newToken();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.workspace = workspace;
        key.user = User.getEntityManager().getReference(User.class, user.userId());
        key.name = name;
        key.prefix = secret.substring(0, VISIBLE_CHARACTERS);
        key.tokenHash = SecretTokens.hash(secret);
        key.scopeSet(scopes);
        key.createdAt = now;
        key.expiresAt = expiresAt;
        key.persist();
        return new CreatedKey(key, secret);
    }

    /**
     * The keys the caller may see in their workspace, newest first, revoked and expired ones included: all of them for
     * its owners and admins, their own for editors. A team's viewers get 403: which keys exist, what they are called
     * and who made them is not theirs to know.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> list(SignedInUser user) {
        user.require(WorkspaceAction.MAKE_API_KEYS);
        return user.may(WorkspaceAction.MANAGE_API_KEYS)
                ? ApiKey.listForWorkspace(user.workspaceId())
                : ApiKey.listForMaker(user.workspaceId(), user.userId());
    }

    /** How many keys of the workspace work now, whoever made them: what the plan's limit counts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countActive(UUID workspaceId) {
        return ApiKey.countActive(workspaceId, clock.instant());
    }

    /**
     * Stops a key for good. Its maker and the workspace's owners and admins may; a key of another workspace does
     * not exist for the caller. Revoking a revoked key changes nothing.
     */
    public ApiKey revoke(SignedInUser user, UUID keyId) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(keyId)
                .filter(found -> found.workspace.id.equals(user.workspaceId()))
                .orElseThrow(() -> new HttpProblem(404, "That API key does not exist in this workspace."));
        if (key.revoked()) {
            return key;
        }
        if (!mayRevoke(user, key)) {
            throw new HttpProblem(403, "Only the person who made this key, or a workspace admin, can revoke it.");
        }
        key.revokedAt = clock.instant();
        return key;
    }

    /** Whether {@code user} may revoke {@code key} now: a key still in force, theirs or in a workspace they run. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayRevoke(SignedInUser user, ApiKey key) {
        boolean manager = user.may(WorkspaceAction.MANAGE_API_KEYS);
        return !key.revoked() && (manager || key.user.id.equals(user.userId()));
    }

    /**
     * Who a secret from an {@code Authorization} header acts as. Records the use (at most once a minute); an unknown,
     * revoked or expired key is refused with the reason.
     */
    public Resolved resolve(String secret) {
        if (secret == null || !SECRET_FORMAT.matcher(secret).matches()) {
            throw refused("Unknown API key.");
        }
        ApiKey key = ApiKey.findByHash(SecretTokens.hash(secret)).orElseThrow(() -> refused("Unknown API key."));
        Instant now = clock.instant();
        if (key.revoked()) {
            throw refused("This API key was revoked.");
        }
        if (key.expired(now)) {
            throw refused("This API key expired on " + EXPIRY.format(key.expiresAt) + ".");
        }
        Optional<WorkspaceMember> membership = workspaces.membership(key.workspace.id, key.user.id);
        if (membership.isEmpty()) {
            throw refused("The person who made this API key no longer belongs to its workspace.");
        }
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(TOUCH_INTERVAL))) {
            ApiKey.touch(key.id, now, now.minus(TOUCH_INTERVAL));
        }
        User user = key.user;
        Workspace workspace = key.workspace;
        SignedInUser signedIn = new SignedInUser(
                user.id,
                user.email,
                user.displayName,
                user.theme,
                user.isEmailVerified(),
                user.hasPassword(),
                false,
                null,
                workspace.id,
                workspace.name,
                workspace.plan,
                membership.get().role);
        return new Resolved(signedIn, new ApiKeyPrincipal(key.id, key.name, key.prefix, key.scopeSet()));
    }

    /** A refused key's sign-in failure; the detail never includes the key. */
    private static AuthenticationFailedException refused(String detail) {
        return new AuthenticationFailedException(detail, Map.of(REFUSAL, detail));
    }

    private static Set<ApiScope> scopes(List<String> ids, FormErrors errors) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String id : ids == null ? List.<String>of() : ids) {
            Optional<ApiScope> scope = ApiScope.byId(id);
            if (scope.isEmpty()) {
                errors.add("scopes", "Choose scopes from the list.");
                return scopes;
            }
            scope.ifPresent(scopes::add);
        }
        if (scopes.isEmpty()) {
            errors.add("scopes", "Choose at least one scope: what the key may do.");
        }
        return scopes;
    }

    private static String keys(long count) {
        return count + " API key" + (count == 1 ? "" : "s");
    }
}
