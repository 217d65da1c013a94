package dev.qide.apikey;

import dev.qide.web.Routes;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;

/** Paths of the API keys page and its forms: the resource takes the templates, the page the built paths. */
public final class ApiKeyRoutes {

    /** The page, and where the new-key form goes. */
    public static final String KEYS = Routes.API_KEYS;

    public static final String REVOKE = "{id}/revoke";

    private ApiKeyRoutes() {}

    public static String revoke(UUID keyId) {
        return UriBuilder.fromPath(KEYS).path(REVOKE).build(keyId).toString();
    }
}
