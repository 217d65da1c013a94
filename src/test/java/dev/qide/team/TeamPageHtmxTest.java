package dev.qide.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.TeamFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The team pages with htmx: a refused form answers with its own card only (the whole page without htmx), a change to
 * a member answers with the news and the event the members card re-fetches itself on, never a reload.
 */
@QuarkusTest
class TeamPageHtmxTest {

    /** Only a whole page has the navigation bar. */
    private static final String LAYOUT = "aria-label=\"Main navigation\"";

    @Test
    void aRefusedTransferAnswersHtmxWithTheMembersCardAndAPlainFormWithThePage() {
        Browser owner = Browser.signedUp("Tina Transfer");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Kept", PlanId.TEAMS);
        Map<String, String> toSelf = Map.of("userId", TeamFixtures.userId(owner).toString());
        owner.get("/teams/" + teamId);

        owner.htmxPostForm("/teams/" + teamId + "/transfer", toSelf)
                .then()
                .statusCode(422)
                .header("HX-Retarget", "#team-members")
                .header("HX-Reswap", "outerHTML")
                .body(
                        containsString("id=\"team-members\""),
                        containsString("data-testid=\"team-error\""),
                        containsString("Choose another member to hand the team to."),
                        not(containsString(LAYOUT)),
                        not(containsString("<html")),
                        not(containsString("id=\"team-settings\"")));

        owner.postForm("/teams/" + teamId + "/transfer", toSelf)
                .then()
                .statusCode(422)
                .header("HX-Retarget", nullValue())
                .body(
                        containsString(LAYOUT),
                        containsString("id=\"team-settings\""),
                        containsString("Choose another member to hand the team to."));
        assertThat(TeamFixtures.roleOf(teamId, owner)).contains(WorkspaceRole.OWNER);
    }

    @Test
    void changingARoleWithHtmxAnswersWithTheNewsAndAMembersChangedEventNotARedirect() {
        Browser owner = Browser.signedUp("Rita Roles");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Evented", PlanId.TEAMS);
        Browser editor = TeamFixtures.signedUpMember(teamId, "Ezra Evented", WorkspaceRole.EDITOR);
        UUID editorId = TeamFixtures.userId(editor);
        owner.get("/teams/" + teamId)
                .then()
                .body(
                        containsString("hx-get=\"/teams/" + teamId + "/members\""),
                        containsString("hx-trigger=\"membersChanged from:body, invitesChanged from:body\""));

        owner.htmxPostForm("/teams/" + teamId + "/members/" + editorId + "/role", Map.of("role", "VIEWER"))
                .then()
                .statusCode(200)
                .header("HX-Trigger", TeamPageResource.MEMBERS_CHANGED)
                .header("HX-Redirect", nullValue())
                .body(containsString("Ezra Evented is now a viewer."), not(containsString(LAYOUT)));
        assertThat(TeamFixtures.roleOf(teamId, editor)).contains(WorkspaceRole.VIEWER);

        // The members card, as it fetches itself on that event.
        owner.htmx()
                .get("/teams/" + teamId + "/members")
                .then()
                .statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(
                        containsString("id=\"team-members\""),
                        containsString("<option value=\"VIEWER\" selected>"),
                        containsString("2 of 100 seats taken"),
                        not(containsString(LAYOUT)),
                        not(containsString("id=\"team-settings\"")));
        // Without htmx the same address is the whole page.
        owner.get("/teams/" + teamId + "/members")
                .then()
                .statusCode(200)
                .body(containsString(LAYOUT), containsString("id=\"team-members\""));
        editor.htmx().get("/teams/" + teamId + "/members").then().statusCode(200);
        Browser.signedUp("Sid Stranger")
                .htmx()
                .get("/teams/" + teamId + "/members")
                .then()
                .statusCode(404);

        // Without JavaScript the same action is a 303 with the news in the flash.
        owner.postForm("/teams/" + teamId + "/members/" + editorId + "/role", Map.of("role", "EDITOR"))
                .then()
                .statusCode(303)
                .header("HX-Trigger", nullValue());
        owner.get("/teams/" + teamId).then().body(containsString("Ezra Evented is now an editor."));
    }

    @Test
    void removingAMemberAndARefusedCapWorkInTheMembersCard() {
        Browser owner = Browser.signedUp("Rhea Remover");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Trimmed", PlanId.TEAMS);
        Browser editor = TeamFixtures.signedUpMember(teamId, "Rudi Removed", WorkspaceRole.EDITOR);
        UUID editorId = TeamFixtures.userId(editor);
        owner.get("/teams/" + teamId);

        owner.htmxPostForm("/teams/" + teamId + "/members/" + editorId + "/cap", Map.of("cap", "lots"))
                .then()
                .statusCode(422)
                .header("HX-Retarget", "#team-members")
                .body(
                        containsString("A cap is a whole number of requests a day, or empty."),
                        containsString("value=\"lots\""),
                        containsString("aria-invalid=\"true\""),
                        not(containsString(LAYOUT)));
        owner.htmxPostForm("/teams/" + teamId + "/members/" + editorId + "/cap", Map.of("cap", " 7 "))
                .then()
                .statusCode(200)
                .header("HX-Trigger", TeamPageResource.MEMBERS_CHANGED)
                .body(containsString("Rudi Removed may send 7 LLM requests a day."));

        owner.htmxPostForm("/teams/" + teamId + "/members/" + editorId + "/remove", Map.of())
                .then()
                .statusCode(200)
                .header("HX-Trigger", TeamPageResource.MEMBERS_CHANGED)
                .header("HX-Redirect", nullValue())
                .body(containsString("Rudi Removed was removed from the team."));
        assertThat(TeamFixtures.roleOf(teamId, editor)).isEmpty();
        owner.htmx()
                .get("/teams/" + teamId + "/members")
                .then()
                .body(not(containsString(editor.email())), containsString("1 of 100 seats taken"));
    }

    @Test
    void refusedSettingsAndDeletionAnswerHtmxWithTheirOwnCardAndWhatWasTyped() {
        Browser owner = Browser.signedUp("Sven Settings");
        UUID teamId = TeamFixtures.createThroughApi(owner, "Carded", PlanId.TEAMS);
        owner.get("/teams/" + teamId);

        owner.htmxPostForm(
                        "/teams/" + teamId + "/settings",
                        Map.of("name", " ", "description", "Still here", "allowPersonalKeys", "true"))
                .then()
                .statusCode(422)
                .header("HX-Retarget", "#team-settings")
                .body(
                        containsString("id=\"team-settings\""),
                        containsString("Give the team a name of 1 to 80 characters."),
                        containsString(">Still here</textarea>"),
                        containsString("value=\"true\" checked"),
                        not(containsString("id=\"team-members\"")),
                        not(containsString(LAYOUT)));
        owner.htmxPostForm("/teams/" + teamId + "/settings", Map.of("name", "x".repeat(81), "description", ""))
                .then()
                .statusCode(422)
                .body(containsString("Give the team a name of 1 to 80 characters."));
        owner.htmxPostForm("/teams/" + teamId + "/settings", Map.of("name", "Ok", "description", "y".repeat(501)))
                .then()
                .statusCode(422)
                .body(containsString("A description has at most 500 characters."));
        // Spaces around a name are not part of it: 80 characters and a space fit.
        owner.htmxPostForm("/teams/" + teamId + "/settings", Map.of("name", "z".repeat(80) + " ", "description", ""))
                .then()
                .statusCode(200)
                .header("HX-Redirect", equalTo("/teams/" + teamId));
        assertThat(TeamFixtures.workspace(teamId).name).isEqualTo("z".repeat(80));

        owner.htmxPostForm("/teams/" + teamId + "/delete", Map.of("confirm", "Not it"))
                .then()
                .statusCode(422)
                .header("HX-Retarget", "#team-delete")
                .body(
                        containsString("id=\"team-delete\""),
                        containsString("value=\"Not it\""),
                        containsString("to delete it."),
                        not(containsString(LAYOUT)));
    }

    @Test
    void aRefusedNewTeamAnswersHtmxWithTheFormsCard() {
        Browser owner = Browser.signedUp("Nina New");
        owner.get("/teams");
        owner.htmxPostForm("/teams", Map.of("name", "", "description", "Kept text"))
                .then()
                .statusCode(422)
                .header("HX-Retarget", "#new")
                .body(
                        containsString("Give the team a name of 1 to 80 characters."),
                        containsString(">Kept text</textarea>"),
                        not(containsString("data-testid=\"no-teams\"")),
                        not(containsString(LAYOUT)));
    }
}
