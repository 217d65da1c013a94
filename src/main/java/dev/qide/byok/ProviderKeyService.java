package dev.qide.byok;

import dev.qide.audit.AuditLog;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmProvider;
import dev.qide.llm.ProviderEndpoint;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Entitlements.WorkspaceEntitlements;
import dev.qide.plan.Feature;
import dev.qide.web.FormErrors;
import dev.qide.web.HttpProblem;
import dev.qide.web.InvalidInputException;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Provider keys: saving (sealed), listing (masked), removing, and opening one for a call, which is allowed only for
 * providers the workspace's plan allows and always leaves an audit record.
 */
@ApplicationScoped
@Transactional
public class ProviderKeyService {

    private static final int MAX_KEY_LENGTH = 500;

    private final KeyCipher cipher;
    private final LlmCatalog catalog;
    private final Entitlements entitlements;
    private final AuditLog audit;
    private final EndpointAddresses endpoints;
    private final Clock clock;

    ProviderKeyService(
            KeyCipher cipher,
            LlmCatalog catalog,
            Entitlements entitlements,
            AuditLog audit,
            EndpointAddresses endpoints,
            Clock clock) {
        this.cipher = cipher;
        this.catalog = catalog;
        this.entitlements = entitlements;
        this.audit = audit;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProviderKey> personalKeys(SignedInUser user) {
        return ProviderKey.personal(user.userId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProviderKey> workspaceKeys(SignedInUser user) {
        return ProviderKey.ofWorkspace(user.workspaceId());
    }

    /** Whether {@code user} may add, change and remove the keys of their current workspace. */
    public static boolean managesWorkspaceKeys(SignedInUser user) {
        return user.may(WorkspaceAction.MANAGE_TEAM_KEYS);
    }

    /** Saves a new key for a provider, or changes the stored one; the key is sealed before it is stored. */
    public ProviderKey save(SignedInUser user, KeyOwner owner, KeyForm form, String ipAddress) {
        if (owner == KeyOwner.WORKSPACE) {
            user.require(WorkspaceAction.MANAGE_TEAM_KEYS);
        }
        WorkspaceEntitlements plan = entitlements.of(user.workspaceId()).orElseThrow();
        FormErrors errors = new FormErrors();
        String providerId = blankToEmpty(form.provider()).toLowerCase(Locale.ROOT);
        Optional<LlmProvider> provider = catalog.provider(providerId);
        if (provider.isEmpty()) {
            errors.add("provider", "Choose a provider.");
            errors.throwIfAny();
        }
        if (!plan.allowsProvider(providerId)) {
            errors.add(
                    "provider",
                    "The " + plan.plan().name() + " plan allows keys for " + allowedNames(plan) + ". Upgrade to use "
                            + provider.get().name() + ".");
            errors.throwIfAny();
        }
        Optional<ProviderKey> existing = owner == KeyOwner.PERSONAL
                ? ProviderKey.personal(user.userId(), providerId)
                : ProviderKey.ofWorkspace(user.workspaceId(), providerId);

        String apiKey = blankToEmpty(form.apiKey()).strip();
        if (apiKey.isEmpty() && existing.isEmpty()) {
            errors.add("apiKey", "Enter the key from your " + provider.get().name() + " account.");
        } else if (apiKey.length() > MAX_KEY_LENGTH || apiKey.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            errors.add("apiKey", "A key is one line without spaces, at most " + MAX_KEY_LENGTH + " characters.");
        }
        String baseUrl = null;
        boolean custom = provider.get().isCustomEndpoint();
        if (!blankToEmpty(form.baseUrl()).isBlank()) {
            if (!plan.may(Feature.CUSTOM_ENDPOINT)) {
                errors.add(
                        "baseUrl",
                        "Custom endpoints need a plan with custom endpoints (Pro Plus and up). Leave the address empty.");
            } else if (!custom) {
                errors.add(
                        "baseUrl",
                        "Only the custom endpoint takes an address: keys for "
                                + provider.get().name()
                                + " are sent to its own API. For a gateway that speaks OpenAI's API, choose Custom"
                                + " endpoint; or leave the address empty.");
            } else {
                baseUrl = endpoints.check(form.baseUrl(), errors, "baseUrl");
            }
        } else if (custom) {
            errors.add(
                    "baseUrl",
                    "Enter the address of your OpenAI-compatible endpoint, such as https://llm.example.com/v1.");
        }
        String model = blankToEmpty(form.model()).strip();
        if (model.isEmpty()) {
            model = provider.get().defaultModel().map(m -> m.id()).orElse("");
        }
        if (model.isEmpty() || catalog.model(providerId, model).isEmpty()) {
            errors.add(
                    "model",
                    custom
                            ? "Enter the model's name as the endpoint knows it, such as llama3.2."
                            : "Choose one of " + provider.get().name() + "'s models.");
        }
        errors.throwIfAny();

        Instant now = clock.instant();
        ProviderKey key = existing.orElseGet(() -> newKey(user, owner, providerId, now));
        key.baseUrl = baseUrl;
        key.defaultModel = model;
        key.updatedAt = now;
        if (!apiKey.isEmpty()) {
            KeyCipher.Sealed sealed = cipher.seal(apiKey, key.id);
            key.sealedKey = sealed.base64();
            key.kekVersion = sealed.kekVersion();
            key.maskedKey = KeyMask.of(apiKey);
        }
        key.persist();
        audit.record(
                user,
                auditWorkspace(user, key),
                existing.isPresent() ? "provider_key.updated" : "provider_key.added",
                describe(key),
                apiKey.isEmpty() ? "model " + model : "key " + key.maskedKey + ", model " + model,
                ipAddress);
        return key;
    }

    /** Removes a key the person may manage; a foreign one answers 404. */
    public ProviderKey delete(SignedInUser user, UUID keyId, String ipAddress) {
        ProviderKey key = manageable(user, keyId);
        key.delete();
        audit.record(user, auditWorkspace(user, key), "provider_key.removed", describe(key), null, ipAddress);
        return key;
    }

    /** A key the person may manage (their own, or their workspace's when they are an owner or admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProviderKey manageable(SignedInUser user, UUID keyId) {
        return ProviderKey.<ProviderKey>findByIdOptional(keyId)
                .filter(key -> user.userId().equals(key.userId)
                        || (user.workspaceId().equals(key.workspaceId) && managesWorkspaceKeys(user)))
                .orElseThrow(() -> new HttpProblem(404, "There is no such provider key."));
    }

    /**
     * The key to call {@code providerId} with in the person's current workspace: the workspace's own key if it has
     * one, else the person's, unless the workspace allows only its own keys. Empty when there is none or the plan
     * does not allow the provider (or its custom endpoint).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProviderKey> usableKey(SignedInUser user, String providerId) {
        Workspace workspace = Workspace.findById(user.workspaceId());
        WorkspaceEntitlements plan = entitlements.of(workspace.id, workspace.plan);
        if (!plan.allowsProvider(providerId)) {
            return Optional.empty();
        }
        return ProviderKey.ofWorkspace(workspace.id, providerId)
                .or(() -> workspace.allowPersonalKeys
                        ? ProviderKey.personal(user.userId(), providerId)
                        : Optional.empty())
                .filter(key -> key.baseUrl == null || plan.may(Feature.CUSTOM_ENDPOINT));
    }

    /** Whether the person's own keys may pay for chats in their current workspace (its setting; always in a personal one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean personalKeysAllowed(SignedInUser user) {
        return Workspace.<Workspace>findById(user.workspaceId()).allowPersonalKeys;
    }

    /** Why {@link #usableKey} finds no key for {@code providerId}, as the composer says it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String noKeyReason(SignedInUser user, String providerId) {
        Optional<LlmProvider> known = catalog.provider(providerId);
        if (known.isEmpty()) {
            return "Choose a provider.";
        }
        String provider = known.get().name();
        Workspace workspace = Workspace.findById(user.workspaceId());
        if (!workspace.allowPersonalKeys
                && ProviderKey.personal(user.userId(), providerId).isPresent()
                && ProviderKey.ofWorkspace(workspace.id, providerId).isEmpty()) {
            return workspace.name + " allows only its own provider keys in its projects, not personal ones, and it has"
                    + " no " + provider + " key. Ask the team's admins to add one, or choose another provider.";
        }
        return "There is no " + provider + " key you can use here. Add one in Settings, AI providers.";
    }

    /** Every provider the person can chat with here, in catalog order, with the key that would be used. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UsableProvider> usableProviders(SignedInUser user) {
        List<UsableProvider> usable = new ArrayList<>();
        for (LlmProvider provider : catalog.providers()) {
            usableKey(user, provider.id()).ifPresent(key -> usable.add(new UsableProvider(provider, key)));
        }
        return usable;
    }

    /**
     * Opens the key for one call and writes the audit record that says who opened which key, and why. A custom
     * endpoint's name is resolved and checked again now (a name that led to a public address when saved may not any
     * more), and the endpoint handed on carries the address checked, which the call connects to.
     *
     * @throws KeyUnavailableException when the stored key cannot be decrypted, or its custom endpoint does not
     *     resolve or now leads into a private network, or a catalog provider's key has an endpoint of its own
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UnlockedKey unlock(SignedInUser user, ProviderKey key, String purpose, String ipAddress) {
        InetAddress address = null;
        if (key.baseUrl != null) {
            if (!key.provider.equals(LlmProvider.CUSTOM)) {
                throw KeyUnavailableException.endpointNotAllowed(catalog.displayName(key.provider));
            }
            address = endpoints.addressToCall(key.baseUrl);
        }
        String apiKey = cipher.open(key.sealed(), key.id);
        String baseUrl = Optional.ofNullable(key.baseUrl)
                .or(() -> catalog.provider(key.provider).flatMap(LlmProvider::baseUrl))
                .orElseThrow(() -> new HttpProblem(422, "The key for " + key.provider + " has no endpoint address."));
        ProviderKey.update("lastUsedAt = ?1 where id = ?2", clock.instant(), key.id);
        audit.record(user, user.workspaceId(), "provider_key.decrypted", describe(key), purpose, ipAddress);
        return new UnlockedKey(
                new ProviderEndpoint(key.provider, baseUrl, apiKey, address), key.id, key.owner(), key.defaultModel);
    }

    /**
     * Sets the providers the workspace's chats try, in order, when the chosen one fails before its first token.
     * Unknown and repeated ids are refused; an empty list turns fallback off.
     */
    public void setFallbackOrder(SignedInUser user, List<String> providerIds, String ipAddress) {
        user.require(WorkspaceAction.MANAGE_TEAM_KEYS);
        List<String> order = providerIds.stream()
                .filter(id -> id != null && !id.isBlank())
                .map(String::strip)
                .toList();
        for (String id : order) {
            if (catalog.provider(id).isEmpty()) {
                throw InvalidInputException.of("fallback", "Choose providers from the list.");
            }
        }
        if (order.stream().distinct().count() != order.size()) {
            throw InvalidInputException.of("fallback", "Name each provider once.");
        }
        Workspace workspace = Workspace.findById(user.workspaceId());
        String value = String.join(",", order);
        if (!value.equals(workspace.llmFallbackOrder)) {
            audit.record(
                    user,
                    workspace.id,
                    "workspace.fallback_order_changed",
                    "workspace " + workspace.id,
                    "'" + workspace.llmFallbackOrder + "' -> '" + value + "'",
                    ipAddress);
            workspace.llmFallbackOrder = value;
        }
    }

    /** A provider the person can use here, with the key that would pay. */
    public record UsableProvider(LlmProvider provider, ProviderKey key) {}

    private static ProviderKey newKey(SignedInUser user, KeyOwner owner, String providerId, Instant now) {
        ProviderKey key = new ProviderKey();
        key.id = UUID.randomUUID();
        key.provider = providerId;
        key.createdBy = user.userId();
        key.createdAt = now;
        if (owner == KeyOwner.PERSONAL) {
            key.userId = user.userId();
        } else {
            key.workspaceId = user.workspaceId();
        }
        return key;
    }

    private static UUID auditWorkspace(SignedInUser user, ProviderKey key) {
        return key.workspaceId != null ? key.workspaceId : user.workspaceId();
    }

    static String describe(ProviderKey key) {
        return key.owner().label().toLowerCase(Locale.ROOT) + " " + key.provider + " key " + key.maskedKey;
    }

    private String allowedNames(WorkspaceEntitlements plan) {
        return String.join(
                ", ",
                plan.plan().byokProviders().stream().map(catalog::displayName).toList());
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value;
    }
}
