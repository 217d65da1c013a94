package dev.qide.account.oidc;

import dev.qide.web.Routes;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Picks the OIDC tenant from the sign-in path: {@code /auth/oidc/github} uses the github tenant. */
@ApplicationScoped
public class OidcTenantResolver implements TenantConfigResolver {

    private final OidcProviders providers;

    OidcTenantResolver(OidcProviders providers) {
        this.providers = providers;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        String path = context.normalizedPath();
        if (!path.startsWith(Routes.OIDC_SIGN_IN)) {
            return Uni.createFrom().nullItem();
        }
        String id = path.substring(Routes.OIDC_SIGN_IN.length());
        return Uni.createFrom()
                .item(providers.find(id).map(OidcProvider::tenant).orElse(null));
    }
}
