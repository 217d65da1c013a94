package dev.qide.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Redirects after a successful POST: 303 for a plain form, a client-side redirect for htmx. */
public final class Redirects {

    private Redirects() {}

    public static Response.ResponseBuilder to(String path, HttpHeaders headers) {
        if (Htmx.isHtmx(headers)) {
            return Response.ok().header(Htmx.REDIRECT, path);
        }
        return Response.seeOther(URI.create(path));
    }
}
