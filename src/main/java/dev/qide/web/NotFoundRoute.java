package dev.qide.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * For Vert.x routes that decide early that nothing is at a path. Rerouting to a path no resource serves lets the REST
 * layer answer, which turns every unmatched request into a {@code NotFoundException} for {@link ErrorMappers}: the
 * same styled page (or problem document) as every other missing thing.
 */
public final class NotFoundRoute {

    private static final String NOWHERE = "/_errors/not-found";

    private NotFoundRoute() {}

    public static void reroute(RoutingContext context) {
        context.reroute(HttpMethod.GET, NOWHERE);
    }
}
