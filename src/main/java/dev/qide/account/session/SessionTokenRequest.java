package dev.qide.account.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie's token, on its way to {@link SessionIdentityProvider}. */
public class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
