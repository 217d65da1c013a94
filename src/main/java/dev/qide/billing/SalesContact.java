package dev.qide.billing;

import dev.qide.QideConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Where "Talk to sales" leads (qide.sales-contact). Checked at start: only a mailto: address or an http(s) URL, so no
 * setting turns the pricing page's link into a script.
 */
@Startup
@ApplicationScoped
public class SalesContact {

    private static final Pattern ALLOWED = Pattern.compile("(mailto:|https?://)[^\\s\"'<>]+");

    private final String link;

    SalesContact(QideConfig config) {
        this.link = checked(config.salesContact());
    }

    /** The link, as configured. */
    public String link() {
        return link;
    }

    static String checked(String link) {
        if (!ALLOWED.matcher(link).matches()) {
            throw new IllegalStateException("qide.sales-contact (QIDE_SALES_CONTACT) must be a mailto: address or an"
                    + " http(s) URL without spaces or quotes");
        }
        return link;
    }
}
