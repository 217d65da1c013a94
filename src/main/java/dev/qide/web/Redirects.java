package dev.qide.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Redirects after a successful POST: 303 for a plain form, a client-side redirect for htmx. */
public final class Redirects {

    /**
     * The longest target sent: it travels in a header, and proxies refuse header lines past 4 to 8 KB (a 502 for a
     * request that worked). A longer one loses its query.
     */
    static final int MAX_TARGET = 2000;

    private Redirects() {}

    public static Response.ResponseBuilder to(String path, HttpHeaders headers) {
        String target = bounded(path);
        if (Htmx.isHtmx(headers)) {
            return Response.ok().header(Htmx.REDIRECT, target);
        }
        return Response.seeOther(URI.create(target));
    }

    private static String bounded(String path) {
        if (path.length() <= MAX_TARGET) {
            return path;
        }
        int query = path.indexOf('?');
        return query >= 0 && query <= MAX_TARGET ? path.substring(0, query) : Routes.DASHBOARD;
    }
}
