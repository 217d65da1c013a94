package dev.qide.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.MessageRole;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.run.CodeRun;
import dev.qide.run.RunLanguage;
import dev.qide.run.RunStatus;
import dev.qide.support.Browser;
import dev.qide.support.TeamFixtures;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's "Getting started" walks the core loop, each step ticked off from what the database holds. */
@QuarkusTest
class DashboardFirstStepsTest {

    @Test
    void aNewcomerOnFreeSeesEveryStepToDoAndWhyCodeAndTeamsAreOutOfReach() {
        Browser newcomer = Browser.signedUp("Newcomer");
        String page =
                newcomer.get("/dashboard").then().statusCode(200).extract().asString();

        for (String step : new String[] {"project", "provider-key", "run", "chat", "invite"}) {
            assertThat(step(page, step).done()).as(step).isFalse();
        }
        assertThat(step(page, "project").html()).contains("href=\"/projects\"");
        assertThat(step(page, "provider-key").html()).contains("href=\"/settings/ai-providers\"");
        assertThat(step(page, "run").html())
                .contains("The Free plan does not include code execution")
                .contains("href=\"/pricing\"")
                .contains("Not available");
        assertThat(step(page, "invite").html())
                .contains("Teams come with the Teams plan")
                .contains("href=\"/pricing\"");
        assertThat(page).doesNotContain("Pick light or dark").doesNotContain("Review what your plan includes");
        assertThat(page).containsPattern("data-testid=\"plan-concurrent-runs\">Not included<");

        String fragment = newcomer.htmx()
                .get("/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(fragment).doesNotContain("<html").contains("data-testid=\"step-run\"");
    }

    @Test
    void eachStepIsDoneOnceTheWorkspaceHoldsItsTrace() {
        Browser maker = Browser.signedUp("Maker");
        UUID workspace = maker.workspaceId();
        Workspaces.setPlan(workspace, PlanId.PRO);

        String before = maker.get("/dashboard").asString();
        assertThat(step(before, "run").html()).contains("Press Run").doesNotContain("Not available");

        String projectId = maker.createProject("first-steps");
        String withProject = maker.get("/dashboard").asString();
        assertThat(step(withProject, "project").done()).isTrue();
        assertThat(withProject).contains("data-testid=\"recent-projects\"").contains("New project");
        assertThat(step(withProject, "run").html()).contains("href=\"/editor/" + projectId + "\"");
        assertThat(step(withProject, "provider-key").done()).isFalse();

        maker.get("/settings/ai-providers");
        maker.postForm(
                        "/settings/ai-providers",
                        Map.of(
                                "owner",
                                "PERSONAL",
                                "provider",
                                "openai",
                                "apiKey",
                                "sk-first-steps-0000000000AbCd",
                                "model",
                                "gpt-4o"))
                .then()
                .statusCode(303);
        assertThat(step(maker.get("/dashboard").asString(), "provider-key").done())
                .isTrue();

        UUID userId = TeamFixtures.userId(maker);
        QuarkusTransaction.requiringNew().run(() -> {
            CodeRun run = CodeRun.start(
                    workspace,
                    UUID.fromString(projectId),
                    userId,
                    "main.py",
                    RunLanguage.byId("python").orElseThrow(),
                    TestClock.now());
            run.status = RunStatus.COMPLETED;
            run.endedAt = TestClock.now();
            run.persist();
        });
        assertThat(step(maker.get("/dashboard").asString(), "run").done()).isTrue();

        askTheChat(workspace, userId);
        String page = maker.get("/dashboard").asString();
        assertThat(step(page, "chat").done()).isTrue();
        assertThat(step(page, "invite").done()).isFalse();
    }

    @Test
    void onATeamAnotherMemberTicksTheInviteStepAndAViewerIsToldWhyRunIsOut() {
        Browser owner = Browser.signedUp("Team Owner");
        UUID team = TeamFixtures.createTeam(owner, "First Steps Team");
        TeamFixtures.switchTo(owner, team);

        String alone = owner.get("/dashboard").asString();
        assertThat(step(alone, "invite").done()).isFalse();
        assertThat(step(alone, "invite").html()).contains("href=\"/team\"").contains("Invite people");

        Browser viewer = Browser.signedUp("Team Viewer");
        TeamFixtures.addMember(team, viewer, WorkspaceRole.VIEWER);
        assertThat(step(owner.get("/dashboard").asString(), "invite").done()).isTrue();

        TeamFixtures.switchTo(viewer, team);
        String viewerPage = viewer.get("/dashboard").asString();
        assertThat(step(viewerPage, "run").html())
                .contains("Your role in this workspace does not let you run code")
                .contains("Not available");
    }

    private static void askTheChat(UUID workspace, UUID userId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = TestClock.now();
            Conversation conversation = new Conversation();
            conversation.id = UUID.randomUUID();
            conversation.workspaceId = workspace;
            conversation.userId = userId;
            conversation.title = "About main.py";
            conversation.createdAt = now;
            conversation.updatedAt = now;
            conversation.persist();
            ChatMessage question = new ChatMessage();
            question.id = UUID.randomUUID();
            question.conversationId = conversation.id;
            question.seq = 1;
            question.role = MessageRole.USER;
            question.content = "What does main.py do?";
            question.status = MessageStatus.COMPLETE;
            question.createdAt = now;
            question.updatedAt = now;
            question.persist();
        });
    }

    private record Step(boolean done, String html) {}

    private static Step step(String page, String id) {
        Matcher matcher = Pattern.compile("(?s)data-testid=\"step-" + id + "\" data-done=\"(true|false)\">(.*?)</li>")
                .matcher(page);
        assertThat(matcher.find()).as("step " + id + " on the dashboard").isTrue();
        return new Step(Boolean.parseBoolean(matcher.group(1)), matcher.group(2));
    }
}
