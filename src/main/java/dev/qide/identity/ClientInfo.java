package dev.qide.identity;

import dev.qide.web.Cookies;
import io.vertx.core.http.HttpServerRequest;

/** Where a request came from, as recorded with a session: the browser's name and the caller's address. */
public record ClientInfo(String userAgent, String ipAddress, boolean secure) {

    private static final int MAX_USER_AGENT = 255;

    /** Reads the request; behind a trusted proxy the forwarded address and scheme are already applied. */
    public static ClientInfo of(HttpServerRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        String address =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new ClientInfo(agent, address, Cookies.overHttps(request));
    }
}
