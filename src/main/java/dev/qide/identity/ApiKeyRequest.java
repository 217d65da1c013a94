package dev.qide.identity;

import dev.qide.apikey.ApiKeyIdentityProvider;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of an {@code Authorization: Bearer qide_...} header, on its way to {@link ApiKeyIdentityProvider}. */
public class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }

    /** Never the secret: requests end up in debug logs. */
    @Override
    public String toString() {
        return "ApiKeyRequest";
    }
}
