package dev.qide;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings that belong to the whole application rather than to one feature. */
@ConfigMapping(prefix = "qide")
public interface QideConfig {

    /** Folder for the embedded database and other local data (QIDE_DATA_DIR); created when missing. */
    @WithDefault("./data")
    String dataDir();

    /** Public address of this server, used in links sent by email (QIDE_BASE_URL). */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /**
     * Behind a TLS-terminating proxy or ingress (QIDE_BEHIND_PROXY): its forwarded headers are trusted, and every
     * cookie is marked Secure.
     */
    @WithDefault("false")
    boolean behindProxy();

    /**
     * Where "Talk to sales" leads for plans sold by a conversation (QIDE_SALES_CONTACT): a {@code mailto:} address or
     * an http(s) URL. Anything else (a {@code javascript:} URL) stops the application at start.
     */
    @WithDefault("mailto:sales@example.com")
    String salesContact();

    /** Emails of platform admins (QIDE_ADMIN_EMAILS, comma-separated); admin rights need the email confirmed. */
    Optional<List<String>> adminEmails();
}
