package dev.qide.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.TeamFixtures;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The editor's Run button says before the click when it cannot run: a plan without code execution, or a viewer. */
@QuarkusTest
class RunButtonTest {

    private static final Pattern RUN_BUTTON = Pattern.compile("<button[^>]*id=\"run-button\"[^>]*>");

    @Test
    void onFreeRunIsDisabledWithTheReasonAndALinkToPricing() {
        Browser free = Browser.signedUp("Free Runner");
        String id = free.createProject("no-runs");
        String page = free.get("/editor/" + id).then().statusCode(200).extract().asString();

        assertThat(runButton(page)).contains("disabled").doesNotContain("btn-success");
        assertThat(page)
                .contains("data-testid=\"run-refusal\"")
                .contains("The Free plan does not include code execution.")
                .containsPattern("data-testid=\"run-refusal\"[^>]*>[^<]*<a href=\"/pricing\">See plans</a>");
    }

    @Test
    void onProTheButtonIsLiveAndAViewerSeesItDisabledWithTheReason() {
        Browser owner = Browser.signedUp("Team Runner");
        UUID team = TeamFixtures.createTeam(owner, "Runners");
        TeamFixtures.switchTo(owner, team);
        Workspaces.setPlan(team, PlanId.TEAMS);
        String id = owner.createProject("team-runs");

        String ownerPage = owner.get("/editor/" + id).asString();
        if (!ownerPage.contains("data-testid=\"run-refusal\"")) {
            assertThat(runButton(ownerPage)).contains("btn-success").doesNotContain("disabled");
        } else {
            // A machine without a sandbox says so; it is still no plan or role refusal.
            assertThat(ownerPage)
                    .doesNotContain("does not include code execution")
                    .doesNotContain("not run its code");
        }

        Browser viewer = Browser.signedUp("Team Watcher");
        TeamFixtures.addMember(team, viewer, WorkspaceRole.VIEWER);
        TeamFixtures.switchTo(viewer, team);
        String viewerPage =
                viewer.get("/editor/" + id).then().statusCode(200).extract().asString();
        assertThat(runButton(viewerPage)).contains("disabled").doesNotContain("btn-success");
        assertThat(viewerPage).contains("You can view this project but not run its code.");
    }

    private static String runButton(String page) {
        Matcher matcher = RUN_BUTTON.matcher(page);
        assertThat(matcher.find()).as("a Run button").isTrue();
        return matcher.group();
    }
}
