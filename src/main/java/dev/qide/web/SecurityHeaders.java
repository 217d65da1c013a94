package dev.qide.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response, pages, assets and errors alike. The policy allows scripts and styles from
 * this origin only (no inline code anywhere), so injected markup cannot run.
 */
@Singleton
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = policy("style-src 'self'");

    /**
     * The editor and API docs pages' policy differs in one point: Monaco (0.52) and Swagger UI add their styles as
     * {@code <style>} elements at run time with no way to put a nonce on them. Scripts stay strictly same-origin.
     */
    static final String INJECTED_STYLES_CONTENT_SECURITY_POLICY = policy("style-src 'self' 'unsafe-inline'");

    /**
     * The billing pages' policy: their forms (Upgrade, Manage billing) are answered with a 303 to Stripe Checkout or
     * the Billing Portal, and browsers check {@code form-action} on that redirect too.
     */
    private final String billingContentSecurityPolicy;

    SecurityHeaders(@ConfigProperty(name = "qide.billing.redirect-origins") List<String> billingRedirectOrigins) {
        this.billingContentSecurityPolicy =
                policy("style-src 'self'", "'self' " + String.join(" ", billingRedirectOrigins));
    }

    private static String policy(String styleSource) {
        return policy(styleSource, "'self'");
    }

    private static String policy(String styleSource, String formAction) {
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                styleSource,
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action " + formAction,
                "frame-ancestors 'none'");
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::addHeaders);
    }

    private void addHeaders(RoutingContext context) {
        MultiMap headers = context.response().headers();
        String path = context.request().path();
        boolean injectsStyles = path.startsWith(Routes.EDITOR + "/") || path.startsWith(Routes.API_DOCS);
        String policy = injectsStyles ? INJECTED_STYLES_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
        if (path.equals(Routes.BILLING) || path.startsWith(Routes.BILLING + "/")) {
            policy = billingContentSecurityPolicy;
        }
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if (Cookies.overHttps(context.request())) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        context.next();
    }
}
