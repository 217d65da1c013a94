package dev.qide.apikey;

import dev.qide.account.session.SessionIdentityProvider;
import dev.qide.identity.ApiKeyPrincipal;
import dev.qide.identity.ApiKeyRequest;
import dev.qide.identity.SignedInUser;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a Bearer API key into the same identity a browser session gives (the key's maker, in the key's workspace),
 * plus the key and its scopes. Platform-admin rights never travel with a key.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private final ApiKeyService keys;

    ApiKeyIdentityProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(keys.resolve(request.secret())));
    }

    private static SecurityIdentity identity(ApiKeyService.Resolved resolved) {
        SignedInUser user = resolved.user();
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.userId().toString()))
                .addRole(SessionIdentityProvider.USER_ROLE)
                .addAttribute(SignedInUser.ATTRIBUTE, user)
                .addAttribute(ApiKeyPrincipal.ATTRIBUTE, resolved.key())
                .build();
    }
}
