package dev.qide.support;

import dev.qide.account.User;
import dev.qide.plan.PlanId;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import dev.qide.workspace.WorkspaceRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test set-up for teams: made through the API by their owner, with members put in directly. */
public final class Teams {

    private Teams() {}

    /** A team made by {@code owner} through {@code POST /api/teams}, on {@code plan}; answers its id. */
    public static UUID create(Browser owner, String name, PlanId plan) {
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

    /** Makes the person signed in to {@code browser} a member with {@code role}, as an accepted invitation would. */
    public static void addMember(UUID teamId, Browser browser, WorkspaceRole role) {
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByEmail(browser.email()).orElseThrow();
            WorkspaceMember.create(Workspace.findById(teamId), user, role, Instant.now())
                    .persist();
        });
    }

    /** Makes the team the browser's current workspace, as the navigation's switcher does. */
    public static void switchTo(Browser browser, UUID workspaceId) {
        browser.get("/teams");
        browser.postForm("/workspaces/" + workspaceId + "/switch", Map.of("next", "/dashboard"))
                .then()
                .statusCode(303);
    }

    public static Optional<WorkspaceRole> roleOf(UUID teamId, Browser browser) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findByEmail(browser.email()).orElseThrow();
            return WorkspaceMember.find(teamId, user.id).map(member -> member.role);
        });
    }

    public static UUID userId(Browser browser) {
        return QuarkusTransaction.requiringNew()
                .call(() -> User.findByEmail(browser.email()).orElseThrow().id);
    }

    public static Workspace workspace(UUID teamId) {
        return QuarkusTransaction.requiringNew().call(() -> Workspace.<Workspace>findById(teamId));
    }
}
