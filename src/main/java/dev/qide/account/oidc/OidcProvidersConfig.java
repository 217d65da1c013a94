package dev.qide.account.oidc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Sign-in with identity providers. Each provider is switched on by giving it a client id and secret; the sign-in
 * page shows a button only for providers that are on. Callback URL to register at the provider:
 * {@code <QIDE_BASE_URL>/auth/oidc/<github|google|sso>}.
 */
@ConfigMapping(prefix = "qide.oidc")
public interface OidcProvidersConfig {

    /** GitHub (OAuth app or GitHub App): QIDE_OIDC_GITHUB_CLIENT_ID / _CLIENT_SECRET. */
    GitHub github();

    /** Google: QIDE_OIDC_GOOGLE_CLIENT_ID / _CLIENT_SECRET. */
    Client google();

    /** Any OpenID Connect issuer (Keycloak, Entra ID, Okta): QIDE_OIDC_SSO_ISSUER, _CLIENT_ID, _CLIENT_SECRET. */
    Sso sso();

    /** A registered client at a provider. */
    interface Client {
        Optional<String> clientId();

        Optional<String> clientSecret();
    }

    interface GitHub extends Client {
        /** GitHub's REST API, asked for the account's verified email addresses. */
        @WithDefault("https://api.github.com")
        String apiUrl();
    }

    interface Sso extends Client {
        /** The issuer URL; its /.well-known/openid-configuration is read at first use. */
        Optional<String> issuer();

        /** The label of the sign-in button, e.g. "Acme SSO". */
        @WithDefault("Single sign-on")
        String name();
    }
}
