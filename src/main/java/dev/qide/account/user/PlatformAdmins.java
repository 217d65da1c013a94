package dev.qide.account.user;

import dev.qide.QideConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Platform admins are the users whose (verified) email is listed in QIDE_ADMIN_EMAILS. */
@ApplicationScoped
public class PlatformAdmins {

    public static final String ROLE = "admin";

    private final Set<String> emails;

    PlatformAdmins(QideConfig config) {
        this.emails = config.adminEmails().orElse(List.of()).stream()
                .map(EmailAddress::normalize)
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Only a verified address counts: anyone can sign up with any address, so an unverified one proves nothing.
     */
    public boolean isAdmin(User user) {
        return user.isEmailVerified() && emails.contains(user.email);
    }
}
