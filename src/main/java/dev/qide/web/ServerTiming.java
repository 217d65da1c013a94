package dev.qide.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * A {@code Server-Timing: app;dur=<ms>} header on every response: how long the server worked on it, shown by the
 * browser's developer tools and read by the benchmarks.
 */
@Singleton
public class ServerTiming {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::time);
    }

    private void time(RoutingContext context) {
        long start = System.nanoTime();
        context.addHeadersEndHandler(ignored -> context.response()
                .headers()
                .set(
                        "Server-Timing",
                        String.format(Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - start) / 1_000_000.0)));
        context.next();
    }
}
