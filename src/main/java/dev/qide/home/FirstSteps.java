package dev.qide.home;

import dev.qide.byok.ProviderKey;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.plan.Feature;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanCatalog;
import dev.qide.plan.PlanId;
import dev.qide.project.Project;
import dev.qide.run.CodeRun;
import dev.qide.team.TeamInvite;
import dev.qide.web.Routes;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The dashboard's "Getting started": the core loop of the product, each step ticked off from what the workspace holds. */
@ApplicationScoped
public class FirstSteps {

    /**
     * One step: done or not, the link that does it; {@code blocked} when the plan or the person's role rules the step
     * out, and then {@code detail} says why and the link leads to where that changes.
     */
    public record Step(
            String id, String title, String detail, boolean done, boolean blocked, String link, String action) {}

    private final PlanCatalog catalog;
    private final Clock clock;

    FirstSteps(PlanCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The steps for {@code user} in their current workspace, on {@code plan}; {@code recent} are its newest projects. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Step> of(SignedInUser user, Plan plan, List<Project> recent) {
        String workHere = recent.isEmpty() ? Routes.PROJECTS : Routes.editor(recent.getFirst().id);
        return List.of(
                new Step(
                        "project",
                        "Create a project",
                        "A project holds your files; you edit them in the browser.",
                        !recent.isEmpty(),
                        false,
                        Routes.PROJECTS,
                        recent.isEmpty() ? "New project" : "Your projects"),
                new Step(
                        "provider-key",
                        "Add an AI provider key",
                        "Chat uses your own key (OpenAI, Anthropic, …); it is stored encrypted.",
                        ProviderKey.anyFor(user.userId(), user.workspaceId()),
                        false,
                        Routes.AI_PROVIDERS,
                        "Add a key"),
                runStep(user, plan, workHere),
                new Step(
                        "chat",
                        "Ask the chat about a file",
                        "Open a file in the editor and ask about it in the chat panel.",
                        ChatMessage.anyAskedIn(user.workspaceId()),
                        false,
                        recent.isEmpty() ? Routes.CHAT : workHere,
                        "Open the chat"),
                inviteStep(user, plan));
    }

    private Step runStep(SignedInUser user, Plan plan, String workHere) {
        boolean done = CodeRun.anyIn(user.workspaceId());
        if (!plan.has(Feature.CODE_EXECUTION)) {
            return new Step(
                    "run",
                    "Run your code",
                    "The " + plan.name() + " plan does not include code execution; it comes with paid plans.",
                    done,
                    true,
                    Routes.PRICING,
                    "See plans");
        }
        if (!user.may(WorkspaceAction.RUN_CODE)) {
            return new Step(
                    "run",
                    "Run your code",
                    "Your role in this workspace does not let you run code; an admin of the workspace can change it.",
                    done,
                    true,
                    Routes.TEAM,
                    "See members");
        }
        return new Step(
                "run",
                "Run your code",
                "Press Run in the editor; output appears live.",
                done,
                false,
                workHere,
                "Open the editor");
    }

    private Step inviteStep(SignedInUser user, Plan plan) {
        if (!plan.has(Feature.SHARED_WORKSPACES)) {
            return new Step(
                    "invite",
                    "Invite someone",
                    "Teams come with the " + catalog.plan(PlanId.TEAMS).name() + " plan.",
                    false,
                    true,
                    Routes.PRICING,
                    "See the " + catalog.plan(PlanId.TEAMS).name() + " plan");
        }
        boolean done = WorkspaceMember.countIn(user.workspaceId()) > 1
                || TeamInvite.countOpen(user.workspaceId(), clock.instant()) > 0;
        return new Step(
                "invite",
                "Invite someone",
                "Work on the same projects together, each with a role.",
                done,
                false,
                Routes.TEAM,
                "Invite people");
    }
}
