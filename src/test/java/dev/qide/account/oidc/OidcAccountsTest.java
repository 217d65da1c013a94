package dev.qide.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.account.user.User;
import dev.qide.account.user.UserIdentity;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.Passwords;
import dev.qide.support.TestClock;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The account rules of identity-provider sign-in; the full browser flow runs against Keycloak in the e2e suite. */
@QuarkusTest
@ClockSensitive
class OidcAccountsTest {

    @Inject
    OidcAccounts accounts;

    @Test
    void firstSignInCreatesAConfirmedAccountWithAPersonalWorkspace() {
        String email = Browser.uniqueEmail("oidc-new");
        OidcAccounts.SignIn signIn = accounts.signIn(profile("google", email, true, "Alan Turing"), "Google");

        assertThat(signIn.created()).isTrue();
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByEmail(email).orElseThrow();
            assertThat(user.displayName).isEqualTo("Alan Turing");
            assertThat(user.isEmailVerified()).isTrue();
            assertThat(user.hasPassword()).isFalse();
            assertThat(WorkspaceMember.personalWorkspaceOf(user.id).orElseThrow().plan)
                    .isEqualTo(PlanId.FREE);
        });
    }

    @Test
    void laterSignInsFindTheSameAccountByProviderSubjectEvenIfTheEmailChanged() {
        String subject = UUID.randomUUID().toString();
        String email = Browser.uniqueEmail("oidc-again");
        User first = accounts.signIn(new OidcProfile("sso", subject, email, true, "Same"), "SSO")
                .user();
        User again = accounts.signIn(new OidcProfile("sso", subject, "changed-" + email, true, "Same"), "SSO")
                .user();
        assertThat(again.id).isEqualTo(first.id);
    }

    @Test
    void verifiedEmailLinksToTheExistingAccountAndKeepsItsPassword() {
        Browser owner = Browser.signedUp("Existing");
        QuarkusTransaction.requiringNew()
                .run(() -> User.findByEmail(owner.email()).orElseThrow().emailVerifiedAt = TestClock.now());

        OidcAccounts.SignIn signIn = accounts.signIn(profile("github", owner.email(), true, "Someone"), "GitHub");
        assertThat(signIn.created()).isFalse();
        assertThat(signIn.passwordRemoved()).isFalse();
        assertThat(signIn.user().email).isEqualTo(owner.email());
        owner.request().get("/dashboard").then().statusCode(200);
        new Browser().logIn(owner.email(), Passwords.STRONG).then().statusCode(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> UserIdentity.count("user.email", owner.email())))
                .isEqualTo(1);
    }

    @Test
    void linkingToAnUnconfirmedAccountRemovesThePasswordNobodyProvedAndEndsItsSessions() {
        Browser squatter = Browser.signedUp("Squatter");
        // An account from before sign-up proved addresses: nobody ever showed this one is theirs.
        QuarkusTransaction.requiringNew()
                .run(() -> User.update("emailVerifiedAt = null where email = ?1", squatter.email()));
        OidcAccounts.SignIn signIn = accounts.signIn(profile("google", squatter.email(), true, "Real Owner"), "Google");

        assertThat(signIn.passwordRemoved()).isTrue();
        squatter.request().get("/dashboard").then().statusCode(303);
        new Browser().logIn(squatter.email(), Passwords.STRONG).then().statusCode(422);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() ->
                                User.findByEmail(squatter.email()).orElseThrow().isEmailVerified()))
                .isTrue();
    }

    @Test
    void unverifiedOrMissingEmailsAreRefusedWithAReasonAndChangeNothing() {
        Browser owner = Browser.signedUp("Careful");
        assertThatThrownBy(() -> accounts.signIn(profile("sso", owner.email(), false, "Impostor"), "Acme SSO"))
                .isInstanceOf(OidcAccounts.Refused.class)
                .hasMessageContaining("Acme SSO has not confirmed that " + owner.email());
        assertThatThrownBy(() -> accounts.signIn(profile("github", null, false, "No Mail"), "GitHub"))
                .isInstanceOf(OidcAccounts.Refused.class)
                .hasMessageContaining("did not share an email address");
        assertThat(QuarkusTransaction.requiringNew().call(() -> UserIdentity.count("user.email", owner.email())))
                .isZero();
        owner.request().get("/dashboard").then().statusCode(200);
    }

    private static OidcProfile profile(String provider, String email, boolean verified, String name) {
        return new OidcProfile(provider, UUID.randomUUID().toString(), email, verified, name);
    }
}
