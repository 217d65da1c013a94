package dev.qide.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;

/** How Q-IDE's own cookies are made: HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS. */
public final class Cookies {

    private Cookies() {}

    /** True over TLS, directly or (with QIDE_BEHIND_PROXY) through the proxy's forwarded scheme. */
    public static boolean overHttps(HttpServerRequest request) {
        return "https".equalsIgnoreCase(request.scheme());
    }

    /** A cookie for {@code path}; a max age of 0 tells the browser to delete it. */
    public static Cookie httpOnly(
            String name, String value, String path, long maxAgeSeconds, HttpServerRequest request) {
        return Cookie.cookie(name, value)
                .setPath(path)
                .setMaxAge(maxAgeSeconds)
                .setHttpOnly(true)
                .setSecure(overHttps(request))
                .setSameSite(CookieSameSite.LAX);
    }
}
