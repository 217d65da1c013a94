package dev.qide.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.identity.WorkspaceRole;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.TeamFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whose API keys a team member sees: owners and admins every key of the team (name, prefix, maker), editors their own,
 * viewers none at all (403 for the page, its fragment and the create form, with nothing of any key in the answer).
 */
@QuarkusTest
class TeamApiKeysVisibilityTest {

    @Test
    void ownersAndAdminsSeeEveryKeyEditorsTheirOwnAndViewersNone() {
        Browser owner = Browser.signedUp("Keys Owner");
        UUID teamId = TeamFixtures.createTeam(owner, "Key Holders");
        Browser admin = member(teamId, "Keys Admin", WorkspaceRole.ADMIN);
        Browser editor = member(teamId, "Keys Editor", WorkspaceRole.EDITOR);
        Browser viewer = member(teamId, "Keys Viewer", WorkspaceRole.VIEWER);
        TeamFixtures.switchTo(owner, teamId);
        String ownersKey = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
        String editorsKey = "laptop-" + UUID.randomUUID().toString().substring(0, 8);
        String ownersPrefix = prefixOf(ApiKeys.create(owner, ownersKey, "projects:read"));
        String editorsPrefix = prefixOf(ApiKeys.create(editor, editorsKey, "projects:read"));

        for (Browser manager : List.of(owner, admin)) {
            String page = manager.get("/settings/api-keys")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(page)
                    .contains("Keys of this workspace", ownersKey, ownersPrefix, "Keys Owner")
                    .contains(editorsKey, editorsPrefix, "Keys Editor");
        }

        String editorsPage = editor.get("/settings/api-keys")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(editorsPage)
                .contains("Your keys in this workspace", editorsKey, editorsPrefix)
                .doesNotContain(ownersKey)
                .doesNotContain(ownersPrefix);
        String editorsFragment = editor.htmx()
                .get("/settings/api-keys")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(editorsFragment)
                .contains(editorsKey)
                .doesNotContain(ownersKey)
                .doesNotContain(ownersPrefix);

        Response viewersPage = viewer.get("/settings/api-keys");
        Response viewersFragment = viewer.htmx().get("/settings/api-keys");
        viewer.get("/settings");
        Response viewersCreate = viewer.postForm(
                "/settings/api-keys", Map.of("name", "sneaky", "scopes", "projects:read", "expiry", "never"));
        for (Response refused : List.of(viewersPage, viewersFragment, viewersCreate)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.asString())
                    .contains("Only owners, admins and editors can make or see API keys here.")
                    .doesNotContain(ownersKey)
                    .doesNotContain(editorsKey)
                    .doesNotContain(ownersPrefix)
                    .doesNotContain(editorsPrefix)
                    .doesNotContain("Keys Owner")
                    .doesNotContain("Keys Editor");
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiKey.count("name", "sneaky")))
                .isZero();
        String settings =
                viewer.get("/settings").then().statusCode(200).extract().asString();
        assertThat(settings).doesNotContain("href=\"/settings/api-keys\"").contains("owners and admins manage them");
    }

    private static Browser member(UUID teamId, String name, WorkspaceRole role) {
        Browser member = Browser.signedUp(name);
        TeamFixtures.addMember(teamId, member, role);
        TeamFixtures.switchTo(member, teamId);
        return member;
    }

    private static String prefixOf(String secret) {
        return secret.substring(0, ApiKeyService.VISIBLE_CHARACTERS);
    }
}
