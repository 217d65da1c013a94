package dev.qide.account.oidc;

import dev.qide.web.Routes;
import io.quarkus.oidc.OidcTenantConfig;

/** One switched-on identity provider: its id (also the OIDC tenant id and URL segment) and button label. */
public record OidcProvider(String id, String label, String icon, OidcTenantConfig tenant) {

    public String signInPath() {
        return Routes.OIDC_SIGN_IN + id;
    }
}
