package dev.qide.apikey;

import dev.qide.apikey.ApiKeyService.CreatedKey;
import dev.qide.apikey.ApiKeyService.NewKey;
import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Limit;
import dev.qide.plan.Plan;
import dev.qide.plan.Quantity;
import dev.qide.web.Flash;
import dev.qide.web.FormErrors;
import dev.qide.web.Htmx;
import dev.qide.web.InvalidInputException;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** The workspace's platform API keys: the list, making one (its secret shown once), revoking one. */
@Path(ApiKeyRoutes.KEYS)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApiKeysResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance keys(KeysView view);

        static native TemplateInstance keys$content(KeysView view);

        static native TemplateInstance keys$manage(KeysView view);
    }

    /** One row of the table. */
    public record KeyRow(ApiKey key, List<ApiScope> scopes, String status, boolean revocable) {

        public String revokePath() {
            return ApiKeyRoutes.revoke(key.id);
        }

        public String revokeQuestion() {
            return "Revoke the key " + key.name + "? Anything using it stops working.";
        }
    }

    /**
     * Everything the page shows: the keys, the plan's limit, the create form with its messages, and the key just
     * made with its secret (only in the answer to the create request).
     */
    public record KeysView(
            List<KeyRow> keys,
            long active,
            Limit limit,
            String planName,
            boolean everyonesKeys,
            NewKey form,
            FormErrors errors,
            CreatedKey created,
            String saved) {

        public List<ApiScope> scopes() {
            return List.of(ApiScope.values());
        }

        public List<KeyExpiry> expiries() {
            return List.of(KeyExpiry.values());
        }

        /** Where the new-key form goes. */
        public String createPath() {
            return ApiKeyRoutes.KEYS;
        }

        public boolean atLimit() {
            return !limit.allows(active + 1);
        }
    }

    private static final NewKey BLANK_FORM = new NewKey("", List.of(), KeyExpiry.DAYS_90.value(), "");

    private final ApiKeyService keys;
    private final Entitlements entitlements;
    private final CurrentUser currentUser;
    private final Flash flash;
    private final Clock clock;

    ApiKeysResource(ApiKeyService keys, Entitlements entitlements, CurrentUser currentUser, Flash flash, Clock clock) {
        this.keys = keys;
        this.entitlements = entitlements;
        this.currentUser = currentUser;
        this.flash = flash;
        this.clock = clock;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        KeysView view = view(BLANK_FORM, FormErrors.none(), null, null);
        return Htmx.wantsFragment(headers) ? Templates.keys$content(view) : Templates.keys(view);
    }

    /**
     * Makes a key. The answer shows its secret, so it is never a redirect (the secret would have to travel or be kept
     * somewhere): htmx gets the section, a plain form the whole page, neither cached.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @RestForm String name,
            @RestForm List<String> scopes,
            @RestForm String expiry,
            @RestForm String expiresOn,
            @Context HttpHeaders headers) {
        NewKey form = new NewKey(name, scopes == null ? List.of() : scopes, expiry, expiresOn);
        KeysView view;
        try {
            CreatedKey created = keys.create(currentUser.require(), form);
            view = view(BLANK_FORM, FormErrors.none(), created, null);
        } catch (InvalidInputException e) {
            return Response.status(422)
                    .entity(render(view(form, e.errors(), null, null), headers))
                    .build();
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(render(view, headers)).cacheControl(noStore).build();
    }

    @POST
    @Path(ApiKeyRoutes.REVOKE)
    public Response revoke(UUID id, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        ApiKey key = keys.revoke(user, id);
        String message = "The key \u201c" + key.name + "\u201d was revoked; it no longer works.";
        if (!user.may(WorkspaceAction.MAKE_API_KEYS)) {
            // A viewer stopping a key of their own from an earlier role: the list is not theirs to see.
            flash.success(message);
            return Redirects.to(Routes.SETTINGS, headers).build();
        }
        if (Htmx.wantsFragment(headers)) {
            return Response.ok(Templates.keys$manage(view(BLANK_FORM, FormErrors.none(), null, message)))
                    .build();
        }
        flash.success(message);
        return Redirects.to(ApiKeyRoutes.KEYS, headers).build();
    }

    private static TemplateInstance render(KeysView view, HttpHeaders headers) {
        return Htmx.wantsFragment(headers) ? Templates.keys$manage(view) : Templates.keys(view);
    }

    private KeysView view(NewKey form, FormErrors errors, CreatedKey created, String saved) {
        SignedInUser user = currentUser.require();
        Instant now = clock.instant();
        List<KeyRow> rows = keys.list(user).stream()
                .map(key -> new KeyRow(
                        key,
                        List.copyOf(key.scopeSet()),
                        key.revoked() ? "revoked" : key.expired(now) ? "expired" : "active",
                        keys.mayRevoke(user, key)))
                .toList();
        long active = keys.countActive(user.workspaceId());
        Plan plan = entitlements.plan(user.plan());
        return new KeysView(
                rows,
                active,
                plan.limit(Quantity.API_KEYS),
                plan.name(),
                user.may(WorkspaceAction.MANAGE_API_KEYS),
                form,
                errors,
                created,
                saved);
    }
}
