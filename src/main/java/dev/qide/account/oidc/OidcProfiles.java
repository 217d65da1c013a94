package dev.qide.account.oidc;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.UserInfo;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads who signed in from what the provider returned: the ID token's claims, or GitHub's user API. */
@ApplicationScoped
public class OidcProfiles {

    private static final String USER_INFO_ATTRIBUTE = "userinfo";

    private final GitHubEmails gitHubEmails;

    OidcProfiles(GitHubEmails gitHubEmails) {
        this.gitHubEmails = gitHubEmails;
    }

    public OidcProfile read(String provider, SecurityIdentity identity) {
        UserInfo userInfo = identity.getAttribute(USER_INFO_ATTRIBUTE);
        if (OidcProviders.GITHUB.equals(provider)) {
            return gitHub(identity, userInfo);
        }
        JsonWebToken idToken = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String subject = idToken != null ? idToken.getSubject() : string(userInfo, "sub");
        String email = claim(idToken, userInfo, "email");
        String verified = claim(idToken, userInfo, "email_verified");
        String name = Optional.ofNullable(claim(idToken, userInfo, "name"))
                .orElse(claim(idToken, userInfo, "preferred_username"));
        if (subject == null || subject.isBlank()) {
            throw new OidcAccounts.Refused("The identity provider did not say who you are. Please try again.");
        }
        return new OidcProfile(provider, subject, email, "true".equalsIgnoreCase(verified), name);
    }

    private OidcProfile gitHub(SecurityIdentity identity, UserInfo userInfo) {
        String id = string(userInfo, "id");
        if (id == null) {
            throw new OidcAccounts.Refused("GitHub did not say who you are. Please try again.");
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        Optional<String> email = token == null ? Optional.empty() : gitHubEmails.verifiedEmail(token.getToken());
        String name = Optional.ofNullable(string(userInfo, "name")).orElse(string(userInfo, "login"));
        return new OidcProfile(OidcProviders.GITHUB, id, email.orElse(null), email.isPresent(), name);
    }

    private static String claim(JsonWebToken idToken, UserInfo userInfo, String name) {
        Object value = idToken == null ? null : idToken.getClaim(name);
        if (value != null) {
            return value.toString().replaceAll("^\"|\"$", "");
        }
        return string(userInfo, name);
    }

    private static String string(UserInfo userInfo, String name) {
        if (userInfo == null || userInfo.getJsonObject().get(name) == null) {
            return null;
        }
        var value = userInfo.getJsonObject().get(name);
        return switch (value.getValueType()) {
            case STRING -> userInfo.getString(name);
            case NULL -> null;
            default -> value.toString();
        };
    }
}
