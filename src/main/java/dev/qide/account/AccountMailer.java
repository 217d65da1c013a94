package dev.qide.account;

import dev.qide.QideConfig;
import dev.qide.account.user.User;
import dev.qide.web.Routes;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes and sends the account emails. A mail server that fails is logged, never shown as an error page. */
@ApplicationScoped
public class AccountMailer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verifyEmail(String name, String link, long validHours);

        static native TemplateInstance resetPassword(String name, String link, long validMinutes);

        static native TemplateInstance finishSignUp(String name, String link, long validHours);

        static native TemplateInstance signUpAttempted(String name, String signInLink, String resetLink);
    }

    private final Mailer mailer;
    private final String baseUrl;

    AccountMailer(Mailer mailer, QideConfig config) {
        this.mailer = mailer;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    /** Returns false when the mail could not be handed to the mail server. */
    boolean sendVerification(User user, String path, long validHours) {
        return send(
                user.email,
                "Confirm your email for Q-IDE",
                Templates.verifyEmail(user.displayName, baseUrl + path, validHours)
                        .render());
    }

    boolean sendPasswordReset(User user, String path, long validMinutes) {
        return send(
                user.email,
                "Reset your Q-IDE password",
                Templates.resetPassword(user.displayName, baseUrl + path, validMinutes)
                        .render());
    }

    /** The link that makes the account, to an address that has none. */
    boolean sendFinishSignUp(SignUpRequest request, String path, long validHours) {
        return send(
                request.email,
                "Finish creating your Q-IDE account",
                Templates.finishSignUp(request.displayName, baseUrl + path, validHours)
                        .render());
    }

    /** Tells an account's owner that someone used their address on the sign-up form; the account is unchanged. */
    boolean sendSignUpAttempted(User user) {
        return send(
                user.email,
                "Someone tried to sign up to Q-IDE with your address",
                Templates.signUpAttempted(user.displayName, baseUrl + Routes.LOGIN, baseUrl + Routes.FORGOT_PASSWORD)
                        .render());
    }

    private boolean send(String to, String subject, String text) {
        try {
            mailer.send(Mail.withText(to, subject, text));
            return true;
        } catch (RuntimeException e) {
            Log.warnf("Could not send '%s' mail: %s", subject, e.getClass().getSimpleName());
            return false;
        }
    }
}
