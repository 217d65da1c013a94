package dev.qide.byok;

import dev.qide.web.Routes;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;

/** Paths of the AI providers page and its forms: the resource takes the templates, the page the built paths. */
public final class ProviderKeyRoutes {

    /** The page, and where the key form goes. */
    public static final String PAGE = Routes.AI_PROVIDERS;

    public static final String MODEL_FIELD = "model-field";
    public static final String FALLBACK = "fallback";
    public static final String TEST = "{id}/test";
    public static final String DELETE = "{id}/delete";

    private ProviderKeyRoutes() {}

    public static String modelField() {
        return PAGE + "/" + MODEL_FIELD;
    }

    public static String fallback() {
        return PAGE + "/" + FALLBACK;
    }

    public static String test(UUID keyId) {
        return UriBuilder.fromPath(PAGE).path(TEST).build(keyId).toString();
    }

    public static String delete(UUID keyId) {
        return UriBuilder.fromPath(PAGE).path(DELETE).build(keyId).toString();
    }
}
