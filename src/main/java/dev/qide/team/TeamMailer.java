package dev.qide.team;

import dev.qide.QideConfig;
import dev.qide.web.Routes;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes and sends the team emails: the invitation with its link. */
@ApplicationScoped
public class TeamMailer {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invite(
                String inviter, String team, String role, String link, String expires, String email);
    }

    private final Mailer mailer;
    private final String baseUrl;

    TeamMailer(Mailer mailer, QideConfig config) {
        this.mailer = mailer;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    /** Sends the invitation link for {@code token}; false when the mail server did not take it. */
    boolean sendInvite(TeamInvite invite, String token, String teamName, String inviterName) {
        String text = Templates.invite(
                        inviterName,
                        teamName,
                        invite.role.withArticle(),
                        baseUrl + Routes.invite(token),
                        EXPIRY.format(invite.expiresAt),
                        invite.email)
                .render();
        String subject = oneLine(inviterName + " invited you to join " + teamName + " on Q-IDE");
        try {
            mailer.send(Mail.withText(invite.email, subject, text));
            return true;
        } catch (RuntimeException e) {
            Log.warnf("Could not send a team invitation mail: %s", e.getClass().getSimpleName());
            return false;
        }
    }

    /** A subject is one header line: names typed by people must not start another. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ");
    }

    static String expiry(Instant expiresAt) {
        return EXPIRY.format(expiresAt);
    }
}
