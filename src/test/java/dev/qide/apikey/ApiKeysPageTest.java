package dev.qide.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.qide.account.user.SecretTokens;
import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API keys page: the list, making a key (its secret shown once), the plan's limit, revoking. */
@QuarkusTest
@ClockSensitive
class ApiKeysPageTest {

    @Test
    void pageRendersAsFullPageAndAsFragmentAndSettingsLinksToIt() {
        Browser browser = Browser.signedUp("Lister");
        browser.get("/settings")
                .then()
                .body(containsString("href=\"/settings/api-keys\""), containsString("href=\"/api/docs\""));
        browser.get("/settings/api-keys")
                .then()
                .statusCode(200)
                .body(
                        containsString("<!DOCTYPE html>"),
                        containsString("API keys"),
                        containsString("No keys yet."),
                        containsString("0 of 1 keys on the Free plan"),
                        containsString("projects:write"),
                        containsString("billing:read"),
                        containsString("href=\"/api/docs\""));
        browser.htmx()
                .get("/settings/api-keys")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("New key"));
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsKept() {
        Browser browser = Browser.signedUp("Once");
        Response created = ApiKeys.submit(browser, "Deploy bot", "never", "", "projects:read", "runs");
        created.then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("<!DOCTYPE html>"), containsString("will not be shown again"));
        String secret = ApiKeys.secretIn(created.asString());
        assertThat(secret).matches(ApiKeys.FORMAT);

        ApiKey key = ApiKeyAuthenticationTest.keyOf(secret);
        assertThat(key.tokenHash).isEqualTo(SecretTokens.hash(secret)).doesNotContain(secret);
        assertThat(key.prefix).isEqualTo(secret.substring(0, 13)).startsWith("qide_");
        assertThat(key.scopes).isEqualTo("projects:read,runs");
        assertThat(key.expiresAt).isNull();

        String list = browser.get("/settings/api-keys")
                .then()
                .statusCode(200)
                .body(
                        containsString("Deploy bot"),
                        containsString(key.prefix + "&hellip;"),
                        containsString("1 of 1 keys on the Free plan"))
                .extract()
                .asString();
        assertThat(list).doesNotContain(secret).doesNotContain(secret.substring(13));
        assertThat(browser.get("/settings").asString()).doesNotContain(secret);
        assertThat(browser.get("/dashboard").asString()).doesNotContain(secret);
    }

    @Test
    void htmxGetsTheSectionWithTheSecret() {
        Browser browser = Browser.signedUp("Htmx Maker");
        Response created = ApiKeys.submitWithHtmx(browser, "Fragment", "90", "", "chat");
        created.then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(not(containsString("<!DOCTYPE html>")), containsString("id=\"api-keys\""));
        String secret = ApiKeys.secretIn(created.asString());
        assertThat(secret).matches(ApiKeys.FORMAT);
        assertThat(browser.htmx().get("/settings/api-keys").asString())
                .contains("Fragment")
                .doesNotContain(secret);
    }

    @Test
    void badInputIsRefusedKeepsWhatWasTypedAndMakesNothing() {
        Browser browser = Browser.signedUp("Typo");
        ApiKeys.submitWithHtmx(browser, "  ", "never", "")
                .then()
                .statusCode(422)
                .body(containsString("Give the key a name"), containsString("Choose at least one scope"));
        ApiKeys.submit(browser, "x".repeat(81), "never", "", "runs")
                .then()
                .statusCode(422)
                .body(containsString("<!DOCTYPE html>"), containsString("at most 80 characters"));
        ApiKeys.submit(browser, "Odd scope", "never", "", "admin:everything")
                .then()
                .statusCode(422)
                .body(containsString("Choose scopes from the list."));
        String today = TestClock.today().toString();
        ApiKeys.submitWithHtmx(browser, "Yesterday", "date", today, "runs")
                .then()
                .statusCode(422)
                .body(
                        containsString("Choose a date in the future."),
                        containsString("value=\"Yesterday\""),
                        containsString("value=\"" + today + "\""),
                        containsString("value=\"runs\" id=\"scope-2\" checked"));
        ApiKeys.submit(browser, "Bad date", "date", "31/12/2030", "runs")
                .then()
                .statusCode(422)
                .body(containsString("Enter the date as YYYY-MM-DD."));
        ApiKeys.submit(browser, "No expiry", "", "", "runs")
                .then()
                .statusCode(422)
                .body(containsString("Choose when the key expires."));
        assertThat(ApiKeyAuthenticationTest.keyCount(browser.workspaceId())).isZero();
    }

    @Test
    void aKeyCanExpireOnAChosenDate() {
        Browser browser = Browser.signedUp("Dated");
        LocalDate date = TestClock.today().plusDays(10);
        String secret = ApiKeys.secretIn(ApiKeys.submit(browser, "Ten days", "date", date.toString(), "runs")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(ApiKeyAuthenticationTest.keyOf(secret).expiresAt)
                .isEqualTo(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void theFreePlanAllowsOneKeyAndProFive() {
        Browser browser = Browser.signedUp("Limited");
        ApiKeys.create(browser, "First", "projects:read");
        ApiKeys.submit(browser, "Second", "never", "", "projects:read")
                .then()
                .statusCode(422)
                .body(containsString("The Free plan allows 1 API key; revoke one or upgrade."));
        ApiKeys.submitWithHtmx(browser, "Second", "never", "", "projects:read")
                .then()
                .statusCode(422)
                .body(containsString("The Free plan allows 1 API key; revoke one or upgrade."));
        assertThat(ApiKeyAuthenticationTest.keyCount(browser.workspaceId())).isEqualTo(1);

        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        for (int i = 2; i <= 5; i++) {
            ApiKeys.create(browser, "Key " + i, "projects:read");
        }
        browser.get("/settings/api-keys").then().body(containsString("5 of 5 keys on the Pro plan"));
        ApiKeys.submit(browser, "Sixth", "never", "", "projects:read")
                .then()
                .statusCode(422)
                .body(containsString("The Pro plan allows 5 API keys; revoke one or upgrade."));

        // A revoked key frees its place.
        List<ApiKey> keys = QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.<ApiKey>list("workspace.id", browser.workspaceId()));
        browser.get("/settings/api-keys");
        browser.postForm("/settings/api-keys/" + keys.get(0).id + "/revoke", Map.of());
        ApiKeys.create(browser, "Sixth", "projects:read");
        assertThat(ApiKeyAuthenticationTest.keyCount(browser.workspaceId())).isEqualTo(6);
    }

    @Test
    void revokingWorksWithHtmxAndWithAPlainForm() {
        Browser browser = Browser.signedUp("Two Ways");
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        String plain = ApiKeys.create(browser, "Plain", "runs");
        String htmx = ApiKeys.create(browser, "Htmx", "runs");

        browser.get("/settings/api-keys");
        browser.postForm("/settings/api-keys/" + ApiKeyAuthenticationTest.keyOf(plain).id + "/revoke", Map.of())
                .then()
                .statusCode(303)
                .header("Location", endsWith("/settings/api-keys"));
        browser.get("/settings/api-keys")
                .then()
                .body(containsString("The key \u201cPlain\u201d was revoked"), containsString(">revoked<"));

        browser.htmxPostForm("/settings/api-keys/" + ApiKeyAuthenticationTest.keyOf(htmx).id + "/revoke", Map.of())
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("The key \u201cHtmx\u201d was revoked"));
        assertThat(ApiKeyAuthenticationTest.keyOf(htmx).revokedAt).isNotNull();
        browser.get("/settings/api-keys").then().body(not(containsString(">Revoke<")));
    }

    @Test
    void anotherWorkspacesKeyCannotBeRevoked() {
        Browser owner = Browser.signedUp("Owner");
        String secret = ApiKeys.create(owner, "Mine", "projects:read");
        Browser stranger = Browser.signedUp("Stranger");
        stranger.get("/settings/api-keys");
        stranger.postForm("/settings/api-keys/" + ApiKeyAuthenticationTest.keyOf(secret).id + "/revoke", Map.of())
                .then()
                .statusCode(404);
        assertThat(ApiKeyAuthenticationTest.keyOf(secret).revokedAt).isNull();
        ApiKeys.bearer(secret).get("/api/auth/me").then().statusCode(200);
        assertThat(stranger.get("/settings/api-keys").asString()).doesNotContain("Mine");
    }

    @Test
    void theListShowsWhenAKeyWasLastUsed() {
        Browser browser = Browser.signedUp("Used");
        String secret = ApiKeys.create(browser, "Watcher", "projects:read");
        browser.get("/settings/api-keys")
                .then()
                .body(containsString("data-testid=\"last-used\">never<"), containsString(">active<"));
        ApiKeys.bearer(secret).get("/api/auth/me").then().statusCode(200).body("user.name", equalTo("Used"));
        browser.get("/settings/api-keys").then().body(containsString("data-testid=\"last-used\">just now<"));
    }
}
