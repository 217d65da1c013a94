package dev.qide.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.AuditTrail;
import dev.qide.support.Browser;
import dev.qide.support.TeamFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Teams from the owner's and members' side: creating, switching, roles, leaving, ownership, settings, deleting. */
@QuarkusTest
class TeamPagesTest {

    @Test
    void creatingATeamMakesTheCreatorItsOwnerAndWorksInIt() {
        Browser owner = Browser.signedUp("Tess Owner");
        UUID personal = owner.workspaceId();
        owner.get("/teams");
        owner.postForm("/teams", Map.of("name", " ", "description", ""))
                .then()
                .statusCode(422)
                .body(containsString("Give the team a name of 1 to 80 characters."));
        owner.api().get("/api/teams").then().statusCode(200).body("teams", empty());

        String location = owner.postForm("/teams", Map.of("name", "Orbiters", "description", "We ship rockets"))
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        UUID teamId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(owner.workspaceId()).isEqualTo(teamId);
        owner.get("/teams/" + teamId)
                .then()
                .statusCode(200)
                .body(
                        containsString("We ship rockets"),
                        containsString("You are the owner."),
                        containsString("data-testid=\"upgrade-notice\""),
                        containsString("1 of 1 seat taken"),
                        containsString("data-testid=\"current-workspace\">Orbiters<"),
                        containsString("/workspaces/" + personal + "/switch"));
        assertThat(AuditTrail.actionsOf(teamId)).containsExactly("team.created");
        // A signed-in person's 404 page (rendered off the worker threads) still has the navigation.
        owner.get("/teams/" + teamId + "/no-such-page")
                .then()
                .statusCode(404)
                .body(containsString("data-testid=\"workspace-switcher\""));

        // The switcher goes back to the personal workspace; a workspace the person is not in does not exist.
        owner.postForm("/workspaces/" + personal + "/switch", Map.of("next", "/projects"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/projects"));
        assertThat(owner.workspaceId()).isEqualTo(personal);
        Browser stranger = Browser.signedUp("Stan Ger");
        stranger.get("/dashboard");
        stranger.postForm("/workspaces/" + teamId + "/switch", Map.of("next", "/dashboard"))
                .then()
                .statusCode(404);
        stranger.get("/teams/" + teamId).then().statusCode(404);
        stranger.api().get("/api/teams/" + teamId).then().statusCode(404);
    }

    @Test
    void adminsManageRolesAndMembersButNeverTheOwner() {
        Browser owner = Browser.signedUp("Olga Owner");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Role players", PlanId.TEAMS);
        Browser admin = TeamFixtures.signedUpMember(teamId, "Adam Admin", WorkspaceRole.ADMIN);
        Browser editor = TeamFixtures.signedUpMember(teamId, "Eddie Editor", WorkspaceRole.EDITOR);
        Browser viewer = TeamFixtures.signedUpMember(teamId, "Vera Viewer", WorkspaceRole.VIEWER);
        UUID ownerId = TeamFixtures.userId(owner);
        UUID editorId = TeamFixtures.userId(editor);
        UUID viewerId = TeamFixtures.userId(viewer);

        admin.get("/teams/" + teamId)
                .then()
                .statusCode(200)
                .body(containsString("4 of 100 seats taken (4 members, 0 open invitations)"))
                .body(containsString("Role of " + editor.email()), not(containsString("Role of " + owner.email())));
        admin.postForm("/teams/" + teamId + "/members/" + editorId + "/role", Map.of("role", "VIEWER"))
                .then()
                .statusCode(303);
        assertThat(TeamFixtures.roleOf(teamId, editor)).contains(WorkspaceRole.VIEWER);
        admin.get("/teams/" + teamId);
        admin.postForm("/teams/" + teamId + "/members/" + editorId + "/role", Map.of("role", "OWNER"))
                .then()
                .statusCode(422)
                .body(containsString("To hand over the team, transfer ownership."));
        admin.postForm("/teams/" + teamId + "/members/" + ownerId + "/role", Map.of("role", "VIEWER"))
                .then()
                .statusCode(409)
                .body(containsString("The owner&#39;s role changes only by transferring ownership."));
        admin.postForm("/teams/" + teamId + "/members/" + ownerId + "/remove", Map.of())
                .then()
                .statusCode(409);
        assertThat(TeamFixtures.roleOf(teamId, owner)).contains(WorkspaceRole.OWNER);

        viewer.get("/teams/" + teamId).then().statusCode(200).body(not(containsString("Role of ")));
        viewer.postForm("/teams/" + teamId + "/members/" + editorId + "/role", Map.of("role", "ADMIN"))
                .then()
                .statusCode(403)
                .body(containsString("Only owners and admins can manage members and invitations."));

        TeamFixtures.switchThroughPage(viewer, teamId);
        admin.get("/teams/" + teamId);
        admin.postForm("/teams/" + teamId + "/members/" + viewerId + "/remove", Map.of())
                .then()
                .statusCode(303);
        assertThat(TeamFixtures.roleOf(teamId, viewer)).isEmpty();
        viewer.get("/teams/" + teamId).then().statusCode(404);
        // A removed member's session carries on in their personal workspace.
        assertThat(viewer.workspaceId()).isNotEqualTo(teamId);

        assertThat(AuditTrail.of(teamId))
                .extracting(event -> event.action + " " + event.target + " " + event.detail)
                .contains(
                        "member.role_changed " + editor.email() + " Editor -> Viewer",
                        "member.removed " + viewer.email() + " Viewer");
    }

    @Test
    void membersLeaveAndOwnershipIsHandedOverSoThereIsAlwaysExactlyOneOwner() {
        Browser owner = Browser.signedUp("Otto Owner");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Handover", PlanId.TEAMS);
        Browser admin = TeamFixtures.signedUpMember(teamId, "Anna Admin", WorkspaceRole.ADMIN);
        Browser editor = TeamFixtures.signedUpMember(teamId, "Emil Editor", WorkspaceRole.EDITOR);

        owner.get("/teams/" + teamId);
        owner.postForm("/teams/" + teamId + "/leave", Map.of())
                .then()
                .statusCode(409)
                .body(containsString("The owner cannot leave. Transfer ownership to another member first."));
        owner.postForm(
                        "/teams/" + teamId + "/transfer",
                        Map.of("userId", TeamFixtures.userId(owner).toString()))
                .then()
                .statusCode(422)
                .body(containsString("Choose another member to hand the team to."));
        admin.get("/teams/" + teamId);
        admin.postForm(
                        "/teams/" + teamId + "/transfer",
                        Map.of("userId", TeamFixtures.userId(admin).toString()))
                .then()
                .statusCode(403)
                .body(containsString("Only the owner can transfer ownership."));

        owner.postForm(
                        "/teams/" + teamId + "/transfer",
                        Map.of("userId", TeamFixtures.userId(admin).toString()))
                .then()
                .statusCode(303);
        assertThat(TeamFixtures.roleOf(teamId, admin)).contains(WorkspaceRole.OWNER);
        assertThat(TeamFixtures.roleOf(teamId, owner)).contains(WorkspaceRole.ADMIN);
        owner.api()
                .get("/api/teams/" + teamId)
                .then()
                .statusCode(200)
                .body("role", equalTo("ADMIN"))
                .body("members.findAll { it.role == 'OWNER' }.email", equalTo(java.util.List.of(admin.email())));

        editor.get("/teams/" + teamId);
        editor.postForm("/teams/" + teamId + "/leave", Map.of())
                .then()
                .statusCode(303)
                .header("Location", endsWith("/teams"));
        assertThat(TeamFixtures.roleOf(teamId, editor)).isEmpty();
        assertThat(AuditTrail.actionsOf(teamId)).contains("team.ownership_transferred", "member.left");
    }

    @Test
    void settingsAndPerMemberCapsAreCheckedAndAudited() {
        Browser owner = Browser.signedUp("Sam Settings");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Settled", PlanId.FREE);
        Browser editor = TeamFixtures.signedUpMember(teamId, "Ella Editor", WorkspaceRole.EDITOR);
        UUID editorId = TeamFixtures.userId(editor);

        owner.get("/teams/" + teamId);
        owner.postForm("/teams/" + teamId + "/members/" + editorId + "/cap", Map.of("cap", "5"))
                .then()
                .statusCode(403)
                .body(containsString("The Free plan has no per-member limits. Upgrade to Teams to set them."));

        dev.qide.support.Workspaces.setPlan(teamId, PlanId.TEAMS);
        owner.get("/teams/" + teamId).then().body(containsString("LLM requests a day"));
        owner.postForm("/teams/" + teamId + "/members/" + editorId + "/cap", Map.of("cap", "lots"))
                .then()
                .statusCode(422)
                .body(containsString("A cap is a whole number of requests a day, or empty."));
        owner.postForm("/teams/" + teamId + "/members/" + editorId + "/cap", Map.of("cap", "10001"))
                .then()
                .statusCode(422)
                .body(containsString("Caps are carved out of the team&#39;s 10,000 LLM requests a day"));
        owner.postForm("/teams/" + teamId + "/members/" + editorId + "/cap", Map.of("cap", "5"))
                .then()
                .statusCode(303);
        editor.get("/teams/" + teamId).then().statusCode(200).body(containsString("5 a day"));
        owner.api()
                .get("/api/teams/" + teamId)
                .then()
                .body("members.find { it.email == '" + editor.email() + "' }.llm_daily_cap", equalTo(5));

        owner.postForm("/teams/" + teamId + "/settings", Map.of("name", "", "description", "x"))
                .then()
                .statusCode(422)
                .body(containsString("Give the team a name of 1 to 80 characters."));
        owner.postForm("/teams/" + teamId + "/settings", Map.of("name", "Settled In", "description", "Now with caps"))
                .then()
                .statusCode(303);
        assertThat(TeamFixtures.workspace(teamId).name).isEqualTo("Settled In");
        assertThat(TeamFixtures.workspace(teamId).allowPersonalKeys).isFalse();

        editor.api()
                .body(Map.of("name", "Hijacked"))
                .put("/api/teams/" + teamId)
                .then()
                .statusCode(403);
        owner.api()
                .body(Map.of("allow_personal_keys", true))
                .put("/api/teams/" + teamId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Settled In"), "allow_personal_keys", equalTo(true));
        owner.api().body(Map.of("name", "")).put("/api/teams/" + teamId).then().statusCode(422);

        assertThat(AuditTrail.actionsOf(teamId))
                .contains(
                        "member.llm_cap_changed",
                        "team.renamed",
                        "team.description_changed",
                        "team.personal_keys_changed");
    }

    @Test
    void clearingAnEmptyCapOrGivingTheSameRoleAgainChangesNothingAndSaysWhoItIsAbout() {
        Browser owner = Browser.signedUp("Una Unchanged");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Unchanged", PlanId.TEAMS);
        Browser editor = TeamFixtures.signedUpMember(teamId, "Ed Same", WorkspaceRole.EDITOR);
        UUID editorId = TeamFixtures.userId(editor);

        owner.get("/teams/" + teamId);
        owner.postForm("/teams/" + teamId + "/members/" + editorId + "/cap", Map.of("cap", ""))
                .then()
                .statusCode(303);
        owner.get("/teams/" + teamId).then().body(containsString("Ed Same shares the team&#39;s LLM requests."));
        owner.postForm("/teams/" + teamId + "/members/" + editorId + "/role", Map.of("role", "EDITOR"))
                .then()
                .statusCode(303);
        owner.get("/teams/" + teamId).then().body(containsString("Ed Same is now"));

        assertThat(TeamFixtures.roleOf(teamId, editor)).contains(WorkspaceRole.EDITOR);
        assertThat(AuditTrail.actionsOf(teamId)).doesNotContain("member.llm_cap_changed", "member.role_changed");
    }

    @Test
    void switchingWorkspacesWithANextThatIsNotAnAddressGoesToTheDashboard() {
        Browser owner = Browser.signedUp("Walter Switch");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Switched", PlanId.TEAMS);
        owner.get("/teams");
        // As a browser encodes "/ /x": a space is "+" in a form.
        owner.request()
                .header("X-CSRF-TOKEN", owner.csrfToken())
                .contentType("application/x-www-form-urlencoded")
                .body("next=%2F+%2Fx")
                .post("/workspaces/" + teamId + "/switch")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/dashboard"));
        owner.api().get("/api/auth/me").then().body("workspace.id", equalTo(teamId.toString()));
    }

    @Test
    void deletingATeamNeedsItsNameAndEndsEveryMembershipButKeepsTheAuditLog() {
        Browser owner = Browser.signedUp("Dora Deleter");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Short lived", PlanId.TEAMS);
        Browser admin = TeamFixtures.signedUpMember(teamId, "Abe Admin", WorkspaceRole.ADMIN);

        admin.get("/teams/" + teamId);
        admin.postForm("/teams/" + teamId + "/delete", Map.of("confirm", "Short lived"))
                .then()
                .statusCode(403);
        owner.get("/teams/" + teamId);
        owner.postForm("/teams/" + teamId + "/delete", Map.of("confirm", "Short"))
                .then()
                .statusCode(422)
                .body(containsString("Type the team&#39;s name, Short lived, to delete it."));
        owner.postForm("/teams/" + teamId + "/delete", Map.of("confirm", "Short lived"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/teams"));

        owner.get("/teams/" + teamId).then().statusCode(404);
        admin.api().get("/api/teams/" + teamId).then().statusCode(404);
        owner.api().get("/api/teams").then().body("teams", empty());
        assertThat(owner.workspaceId()).isNotEqualTo(teamId);
        assertThat(AuditTrail.actionsOf(teamId)).contains("team.created", "team.deleted");
    }

    @Test
    void theApiCreatesListsAndReadsTeams() {
        Browser owner = Browser.signedUp("Api Owner");
        owner.api().body(Map.of("name", "")).post("/api/teams").then().statusCode(422);
        UUID teamId = TeamFixtures.createThroughApi(owner, "Api team", PlanId.TEAMS);
        TeamFixtures.signedUpMember(teamId, "Api Editor", WorkspaceRole.EDITOR);
        owner.api()
                .get("/api/teams")
                .then()
                .statusCode(200)
                .body("teams.name", hasItems("Api team"), "teams[0].role", equalTo("OWNER"));
        owner.api()
                .get("/api/teams/" + teamId)
                .then()
                .statusCode(200)
                .body(
                        "id", equalTo(teamId.toString()),
                        "plan", equalTo("TEAMS"),
                        "seats.members", equalTo(2),
                        "seats.limit", equalTo(100),
                        "members.role", hasItems("OWNER", "EDITOR"));
    }
}
