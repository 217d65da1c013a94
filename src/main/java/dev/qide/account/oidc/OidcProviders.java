package dev.qide.account.oidc;

import dev.qide.QideConfig;
import dev.qide.account.user.SecretTokens;
import dev.qide.web.Routes;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.OidcTenantConfigBuilder;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity providers switched on by configuration, each built once into an OIDC tenant (Quarkus OIDC compares
 * tenant configurations by identity, so they must not be rebuilt per request).
 */
@ApplicationScoped
public class OidcProviders {

    public static final String GITHUB = "github";
    public static final String GOOGLE = "google";
    public static final String SSO = "sso";

    private final List<OidcProvider> enabled;
    private final String githubApiUrl;

    OidcProviders(OidcProvidersConfig config, QideConfig qide) {
        boolean secureCookies = qide.behindProxy();
        List<OidcProvider> providers = new ArrayList<>();
        configured(config.github())
                .ifPresent(client -> providers.add(new OidcProvider(
                        GITHUB, "GitHub", "github", tenant(GITHUB, Provider.GITHUB, null, client, secureCookies))));
        configured(config.google())
                .ifPresent(client -> providers.add(new OidcProvider(
                        GOOGLE, "Google", "google", tenant(GOOGLE, Provider.GOOGLE, null, client, secureCookies))));
        if (config.sso().issuer().isPresent()) {
            configured(config.sso())
                    .ifPresent(client -> providers.add(new OidcProvider(
                            SSO,
                            config.sso().name(),
                            "key",
                            tenant(SSO, null, config.sso().issuer().get(), client, secureCookies))));
        }
        this.enabled = List.copyOf(providers);
        this.githubApiUrl = config.github().apiUrl();
    }

    /** Providers with a sign-in button, in a stable order. */
    public List<OidcProvider> enabled() {
        return enabled;
    }

    public Optional<OidcProvider> find(String id) {
        return enabled.stream().filter(provider -> provider.id().equals(id)).findFirst();
    }

    String githubApiUrl() {
        return githubApiUrl;
    }

    private static Optional<OidcProvidersConfig.Client> configured(OidcProvidersConfig.Client client) {
        boolean complete = client.clientId().filter(id -> !id.isBlank()).isPresent()
                && client.clientSecret().filter(secret -> !secret.isBlank()).isPresent();
        return complete ? Optional.of(client) : Optional.empty();
    }

    private static OidcTenantConfig tenant(
            String id, Provider provider, String issuer, OidcProvidersConfig.Client client, boolean secureCookies) {
        OidcTenantConfigBuilder builder = OidcTenantConfig.builder()
                .tenantId(id)
                .applicationType(ApplicationType.WEB_APP)
                .clientId(client.clientId().orElseThrow())
                .credentials(client.clientSecret().orElseThrow());
        if (provider != null) {
            builder.provider(provider);
        } else {
            builder.authServerUrl(issuer);
        }
        // The callback request itself goes on to OidcSignInResource, which swaps the provider's session for a
        // Q-IDE session in the same response: the provider's session cookie is never read back, so it is sealed
        // with a key that lives only as long as this process (and no replica ever needs to share it).
        builder.tokenStateManager().encryptionSecret(SecretTokens.newToken()).end();
        var authentication = builder.authentication()
                .errorPath(Routes.LOGIN + "/sso-error")
                .removeRedirectParameters(false)
                .cookieForceSecure(secureCookies);
        if (provider != Provider.GITHUB) {
            authentication.scopes("openid", "email", "profile");
        }
        return authentication.end().build();
    }
}
