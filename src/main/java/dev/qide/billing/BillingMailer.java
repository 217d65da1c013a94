package dev.qide.billing;

import dev.qide.QideConfig;
import dev.qide.identity.WorkspaceRole;
import dev.qide.web.Routes;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tells workspace owners about their billing: a failed payment, a trial about to end. */
@ApplicationScoped
public class BillingMailer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance paymentFailed(String workspace, Instant graceEndsAt, String link);

        static native TemplateInstance trialEnding(String workspace, Instant trialEndsAt, String link);
    }

    private final Mailer mailer;
    private final String billingLink;

    BillingMailer(Mailer mailer, QideConfig config) {
        this.mailer = mailer;
        this.billingLink = config.baseUrl().replaceAll("/+$", "") + Routes.BILLING;
    }

    void paymentFailed(UUID workspaceId, Instant graceEndsAt) {
        Workspace workspace = Workspace.findById(workspaceId);
        send(
                workspaceId,
                "Payment failed for " + workspace.name + " on Q-IDE",
                Templates.paymentFailed(workspace.name, graceEndsAt, billingLink)
                        .render());
    }

    void trialEnding(UUID workspaceId, Instant trialEndsAt) {
        Workspace workspace = Workspace.findById(workspaceId);
        send(
                workspaceId,
                "Your Q-IDE trial ends soon",
                Templates.trialEnding(workspace.name, trialEndsAt, billingLink).render());
    }

    private void send(UUID workspaceId, String subject, String text) {
        List<String> owners = WorkspaceMember.<WorkspaceMember>find(
                        "from WorkspaceMember m join fetch m.user where m.workspace.id = ?1 and m.role = ?2",
                        workspaceId,
                        WorkspaceRole.OWNER)
                .stream()
                .map(member -> member.user.email)
                .toList();
        for (String owner : owners) {
            try {
                mailer.send(Mail.withText(owner, subject, text));
            } catch (RuntimeException e) {
                Log.warnf("Could not send '%s' mail: %s", subject, e.getClass().getSimpleName());
            }
        }
    }
}
