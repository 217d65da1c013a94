package dev.qide.byok;

import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmProvider;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Entitlements.WorkspaceEntitlements;
import dev.qide.plan.Feature;
import dev.qide.web.EnumNames;
import dev.qide.web.Flash;
import dev.qide.web.FormErrors;
import dev.qide.web.Htmx;
import dev.qide.web.InvalidInputException;
import dev.qide.web.Redirects;
import dev.qide.workspace.Workspace;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** Settings, AI providers: the person's and the workspace's BYOK keys, testing them, and the fallback order. */
@Path(ProviderKeyRoutes.PAGE)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AiProvidersResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance providers(ProvidersView view);

        static native TemplateInstance providers$content(ProvidersView view);

        static native TemplateInstance providers$manage(ProvidersView view);

        static native TemplateInstance providers$modelField(ProviderChoice provider, String model, String error);

        static native TemplateInstance providers$testResult(UUID keyId, ConnectionResult result);
    }

    /** Everything the page shows. */
    public record ProvidersView(
            SignedInUser user,
            String planName,
            List<KeyRow> personal,
            List<KeyRow> workspace,
            boolean managesWorkspace,
            boolean customEndpoints,
            List<ProviderChoice> providers,
            ProviderChoice selected,
            KeyOwner owner,
            KeyForm form,
            FormErrors errors,
            String saved,
            List<String> fallbackOrder,
            boolean personalKeysAllowed) {

        /** "OpenAI, Anthropic": the providers the plan allows, as the form's hint names them. */
        public String allowedNames() {
            return String.join(
                    ", ",
                    providers.stream()
                            .filter(ProviderChoice::allowed)
                            .map(choice -> choice.provider().name())
                            .toList());
        }

        /** Where the key form goes. */
        public String savePath() {
            return ProviderKeyRoutes.PAGE;
        }

        public String fallbackPath() {
            return ProviderKeyRoutes.fallback();
        }

        public String modelFieldPath() {
            return ProviderKeyRoutes.modelField();
        }

        public List<KeyOwner> owners() {
            return managesWorkspace ? List.of(KeyOwner.PERSONAL, KeyOwner.WORKSPACE) : List.of(KeyOwner.PERSONAL);
        }

        /** The fallback selects: as many as there are providers with a key, at most three. */
        public List<Integer> fallbackSlots() {
            return List.of(0, 1, 2);
        }

        public String fallbackAt(int index) {
            return index < fallbackOrder.size() ? fallbackOrder.get(index) : "";
        }
    }

    private final ProviderKeyService keys;
    private final ConnectionTester tester;
    private final LlmCatalog catalog;
    private final Entitlements entitlements;
    private final CurrentUser currentUser;
    private final Flash flash;

    AiProvidersResource(
            ProviderKeyService keys,
            ConnectionTester tester,
            LlmCatalog catalog,
            Entitlements entitlements,
            CurrentUser currentUser,
            Flash flash) {
        this.keys = keys;
        this.tester = tester;
        this.catalog = catalog;
        this.entitlements = entitlements;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        ProvidersView view = view(KeyOwner.PERSONAL, KeyForm.BLANK, FormErrors.none(), null);
        return Htmx.wantsFragment(headers) ? Templates.providers$content(view) : Templates.providers(view);
    }

    /** The model field for the provider chosen in the form (htmx swaps it when the provider changes). */
    @GET
    @Path(ProviderKeyRoutes.MODEL_FIELD)
    public TemplateInstance modelField(@QueryParam("provider") String provider) {
        return Templates.providers$modelField(choice(provider), "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(
            @RestForm String owner,
            @RestForm String provider,
            @RestForm String apiKey,
            @RestForm String baseUrl,
            @RestForm String model,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        KeyForm form = new KeyForm(provider, apiKey, baseUrl, model);
        KeyOwner keyOwner = EnumNames.parse(KeyOwner.class, owner).orElse(KeyOwner.PERSONAL);
        SignedInUser user = currentUser.require();
        ProviderKey saved;
        try {
            saved = keys.save(user, keyOwner, form, ClientInfo.of(request).ipAddress());
        } catch (InvalidInputException e) {
            ProvidersView view = view(keyOwner, form.withoutKey(), e.errors(), null);
            return Response.status(422).entity(render(view, headers)).build();
        }
        String message = "Saved the " + saved.owner().label().toLowerCase(Locale.ROOT) + " "
                + catalog.provider(saved.provider).map(LlmProvider::name).orElse(saved.provider) + " key "
                + saved.maskedKey + ".";
        return done(message, headers);
    }

    @POST
    @Path(ProviderKeyRoutes.DELETE)
    public Response delete(UUID id, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        ProviderKey removed =
                keys.delete(currentUser.require(), id, ClientInfo.of(request).ipAddress());
        return done("Removed the " + removed.provider + " key " + removed.maskedKey + ".", headers);
    }

    /** Tests a key with the provider's cheapest call; htmx puts the answer into the key's row. */
    @POST
    @Path(ProviderKeyRoutes.TEST)
    public Response test(UUID id, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        SignedInUser user = currentUser.require();
        ProviderKey key = keys.manageable(user, id);
        ConnectionResult result = tester.test(user, key, ClientInfo.of(request).ipAddress());
        if (Htmx.wantsFragment(headers)) {
            return Response.ok(Templates.providers$testResult(id, result)).build();
        }
        if (result.ok()) {
            flash.success(result.message());
        } else {
            flash.warning(result.message());
        }
        return Redirects.to(ProviderKeyRoutes.PAGE, headers).build();
    }

    @POST
    @Path(ProviderKeyRoutes.FALLBACK)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fallback(
            @RestForm List<String> fallback, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        SignedInUser user = currentUser.require();
        try {
            keys.setFallbackOrder(
                    user,
                    fallback == null ? List.of() : fallback,
                    ClientInfo.of(request).ipAddress());
        } catch (InvalidInputException e) {
            ProvidersView view = view(KeyOwner.PERSONAL, KeyForm.BLANK, e.errors(), null);
            return Response.status(422).entity(render(view, headers)).build();
        }
        return done("Saved the fallback order.", headers);
    }

    private Response done(String message, HttpHeaders headers) {
        if (Htmx.wantsFragment(headers)) {
            return Response.ok(Templates.providers$manage(
                            view(KeyOwner.PERSONAL, KeyForm.BLANK, FormErrors.none(), message)))
                    .build();
        }
        flash.success(message);
        return Redirects.to(ProviderKeyRoutes.PAGE, headers).build();
    }

    private static TemplateInstance render(ProvidersView view, HttpHeaders headers) {
        return Htmx.wantsFragment(headers) ? Templates.providers$manage(view) : Templates.providers(view);
    }

    private ProviderChoice choice(String providerId) {
        SignedInUser user = currentUser.require();
        WorkspaceEntitlements plan = entitlements.of(user.workspaceId()).orElseThrow();
        return catalog.provider(providerId == null ? "" : providerId)
                .or(() -> catalog.providers().stream().findFirst())
                .map(provider -> new ProviderChoice(provider, plan.allowsProvider(provider.id())))
                .orElseThrow();
    }

    private ProvidersView view(KeyOwner owner, KeyForm form, FormErrors errors, String saved) {
        SignedInUser user = currentUser.require();
        WorkspaceEntitlements plan = entitlements.of(user.workspaceId()).orElseThrow();
        boolean manages = ProviderKeyService.managesWorkspaceKeys(user);
        List<ProviderChoice> providers = catalog.providers().stream()
                .map(provider -> new ProviderChoice(provider, plan.allowsProvider(provider.id())))
                .toList();
        ProviderChoice selected = form.provider().isBlank()
                ? providers.stream().filter(ProviderChoice::allowed).findFirst().orElse(providers.get(0))
                : choice(form.provider());
        Workspace workspace = Workspace.findById(user.workspaceId());
        return new ProvidersView(
                user,
                plan.plan().name(),
                keys.personalKeys(user).stream().map(key -> row(key, true)).toList(),
                keys.workspaceKeys(user).stream().map(key -> row(key, manages)).toList(),
                manages,
                plan.may(Feature.CUSTOM_ENDPOINT),
                providers,
                selected,
                owner,
                form,
                errors,
                saved,
                workspace.fallbackProviders(),
                workspace.allowPersonalKeys);
    }

    private KeyRow row(ProviderKey key, boolean manageable) {
        return new KeyRow(
                key, catalog.provider(key.provider).map(LlmProvider::name).orElse(key.provider), manageable);
    }
}
