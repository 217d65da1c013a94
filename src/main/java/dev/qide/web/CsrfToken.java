package dev.qide.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/** The CSRF token that forms and htmx requests of the current page carry. */
@RequestScoped
public class CsrfToken {

    private final HttpServerRequest request;
    private final CsrfTokenParameterProvider csrf;

    CsrfToken(HttpServerRequest request, CsrfTokenParameterProvider csrf) {
        this.request = request;
        this.csrf = csrf;
    }

    /**
     * The token for this request. Pages rendered before the CSRF filter ran (a 404 for an unknown path, a refused
     * POST) reuse the token from the cookie, so the sign-out button still works there.
     */
    public String value() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException notIssuedForThisRequest) {
            Cookie cookie = request.getCookie(csrf.getCookieName());
            return cookie == null ? "" : cookie.getValue();
        }
    }
}
