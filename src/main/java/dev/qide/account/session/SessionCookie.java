package dev.qide.account.session;

import dev.qide.identity.ClientInfo;
import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over TLS. */
public final class SessionCookie {

    public static final String NAME = "qide_session";

    private SessionCookie() {}

    public static NewCookie of(String token, ClientInfo client, long maxAgeSeconds) {
        return build(token, client, (int) Math.min(Integer.MAX_VALUE, maxAgeSeconds));
    }

    /** A cookie that tells the browser to forget the session. */
    public static NewCookie cleared(ClientInfo client) {
        return build("", client, 0);
    }

    private static NewCookie build(String value, ClientInfo client, int maxAge) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(client.secure())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
