package dev.qide.account;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Says at start, in a running server, that email goes to the log until SMTP is configured. */
public class MailModeNotice {

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.mailer.mock") boolean logOnly) {
        if (logOnly && LaunchMode.current() == LaunchMode.NORMAL) {
            Log.warn(
                    "Email is not configured: confirmation, password-reset and team invitation emails are written to this log. "
                            + "Set QUARKUS_MAILER_MOCK=false and QUARKUS_MAILER_HOST (see README) to send them.");
        }
    }
}
