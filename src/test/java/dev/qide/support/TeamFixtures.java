package dev.qide.support;

import dev.qide.account.session.UserSession;
import dev.qide.account.user.User;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceKind;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Teams as their pages would leave them: made by their owner through {@code POST /api/teams}, or set up directly in
 * the database (a team on the Teams plan, its members and settings, a browser's session moved into it).
 */
public final class TeamFixtures {

    private TeamFixtures() {}

    /** A team made by {@code owner} through {@code POST /api/teams}, then put on {@code plan}; answers its id. */
    public static UUID createThroughApi(Browser owner, String name, PlanId plan) {
        String id = owner.api()
                .body(Map.of("name", name, "description", "About " + name))
                .post("/api/teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID teamId = UUID.fromString(id);
        Workspaces.setPlan(teamId, plan);
        return teamId;
    }

    /** Makes the team the browser's current workspace through the navigation's switcher. */
    public static void switchThroughPage(Browser browser, UUID workspaceId) {
        browser.get("/teams");
        browser.postForm("/workspaces/" + workspaceId + "/switch", Map.of("next", "/dashboard"))
                .then()
                .statusCode(303);
    }

    public static Optional<WorkspaceRole> roleOf(UUID teamId, Browser browser) {
        return QuarkusTransaction.requiringNew()
                .call(() -> WorkspaceMember.find(teamId, user(browser).id).map(member -> member.role));
    }

    public static Workspace workspace(UUID teamId) {
        return QuarkusTransaction.requiringNew().call(() -> Workspace.<Workspace>findById(teamId));
    }

    /** A new team on the Teams plan with {@code owner} as its owner; answers its id. */
    public static UUID createTeam(Browser owner, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = TestClock.now();
            Workspace team = Workspace.create(name, WorkspaceKind.TEAM, PlanId.TEAMS, now);
            team.persist();
            WorkspaceMember.create(team, user(owner), WorkspaceRole.OWNER, now).persist();
            return team.id;
        });
    }

    public static void addMember(UUID teamId, Browser member, WorkspaceRole role) {
        QuarkusTransaction.requiringNew()
                .run(() -> WorkspaceMember.create(Workspace.findById(teamId), user(member), role, TestClock.now())
                        .persist());
    }

    /** A person who signs up as {@code name} and is put in the team with {@code role}. */
    public static Browser signedUpMember(UUID teamId, String name, WorkspaceRole role) {
        Browser browser = Browser.signedUp(name);
        addMember(teamId, browser, role);
        return browser;
    }

    public static void removeMember(UUID teamId, Browser member) {
        QuarkusTransaction.requiringNew()
                .run(() -> WorkspaceMember.delete("workspace.id = ?1 and user.id = ?2", teamId, user(member).id));
    }

    /** Sets a member's daily LLM-request cap (null: shares the pool). */
    public static void setLlmCap(UUID teamId, Browser member, Integer cap) {
        QuarkusTransaction.requiringNew()
                .run(() -> WorkspaceMember.update(
                        "llmDailyCap = ?1 where workspace.id = ?2 and user.id = ?3", cap, teamId, user(member).id));
    }

    public static void allowPersonalKeys(UUID teamId, boolean allowed) {
        QuarkusTransaction.requiringNew()
                .run(() -> Workspace.update("allowPersonalKeys = ?1 where id = ?2", allowed, teamId));
    }

    /** Makes {@code workspaceId} the current workspace of the browser's sessions. */
    public static void switchTo(Browser browser, UUID workspaceId) {
        QuarkusTransaction.requiringNew()
                .run(() -> UserSession.update(
                        "workspace = ?1 where user = ?2", Workspace.findById(workspaceId), user(browser)));
    }

    public static UUID userId(Browser browser) {
        return QuarkusTransaction.requiringNew().call(() -> user(browser).id);
    }

    private static User user(Browser browser) {
        return User.findByEmail(browser.email()).orElseThrow();
    }
}
