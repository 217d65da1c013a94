package dev.qide.byok;

import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.web.EnumNames;
import dev.qide.web.InvalidInputException;
import dev.qide.workspace.Workspace;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The BYOK settings as JSON, {@code /api/settings/llm-config}: the provider keys the person and their workspace have
 * (masked, never the key), and saving one. Browser sessions only: an API key cannot read or change provider keys
 * (no {@code @RequiresScope}).
 */
@Path("/api/settings/llm-config")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class LlmConfigApiResource {

    /** A key to save; {@code apiKey} blank keeps the stored one; {@code owner} "personal" (default) or "workspace". */
    public record KeyBody(String provider, String apiKey, String baseUrl, String model, String owner) {}

    /**
     * A stored key as the API shows it. A workspace key shown to a member who does not manage the workspace's keys
     * has no {@code masked_key} and no {@code base_url}: they use it without seeing anything of it.
     */
    public record KeyJson(
            String provider, String owner, String model, String baseUrl, String maskedKey, Instant lastUsedAt) {

        static KeyJson of(ProviderKey key) {
            return new KeyJson(
                    key.provider,
                    key.owner().name().toLowerCase(Locale.ROOT),
                    key.defaultModel,
                    key.baseUrl,
                    key.maskedKey,
                    key.lastUsedAt);
        }

        static KeyJson unseen(ProviderKey key) {
            return new KeyJson(
                    key.provider, key.owner().name().toLowerCase(Locale.ROOT), key.defaultModel, null, null, null);
        }
    }

    /**
     * Every key the person can see here (theirs, then the workspace's), the workspace's fallback order, and whether
     * the workspace lets members' own keys pay for its chats.
     */
    public record LlmConfigJson(List<KeyJson> providers, List<String> fallbackOrder, boolean personalKeysAllowed) {}

    private final ProviderKeyService keys;
    private final CurrentUser currentUser;

    LlmConfigApiResource(ProviderKeyService keys, CurrentUser currentUser) {
        this.keys = keys;
        this.currentUser = currentUser;
    }

    @GET
    public LlmConfigJson get() {
        SignedInUser user = currentUser.require();
        boolean manages = ProviderKeyService.managesWorkspaceKeys(user);
        List<KeyJson> providers = Stream.concat(
                        keys.personalKeys(user).stream().map(KeyJson::of),
                        keys.workspaceKeys(user).stream().map(key -> manages ? KeyJson.of(key) : KeyJson.unseen(key)))
                .toList();
        Workspace workspace = Workspace.findById(user.workspaceId());
        return new LlmConfigJson(providers, workspace.fallbackProviders(), workspace.allowPersonalKeys);
    }

    /** Adds or changes the key for a provider; 422 with the reason when it cannot be saved. */
    @PUT
    public KeyJson put(KeyBody body, @Context HttpServerRequest request) {
        if (body == null) {
            throw InvalidInputException.of("provider", "Send a JSON body with provider, api_key and model.");
        }
        KeyOwner owner = body.owner() == null || body.owner().isBlank()
                ? KeyOwner.PERSONAL
                : EnumNames.parse(KeyOwner.class, body.owner())
                        .orElseThrow(() -> InvalidInputException.of("owner", "The owner is personal or workspace."));
        ProviderKey saved = keys.save(
                currentUser.require(),
                owner,
                new KeyForm(body.provider(), body.apiKey(), body.baseUrl(), body.model()),
                ClientInfo.of(request).ipAddress());
        return KeyJson.of(saved);
    }
}
