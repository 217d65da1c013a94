package dev.qide.support;

import dev.qide.account.user.User;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.team.TeamAccess;
import dev.qide.team.TeamForm;
import dev.qide.team.TeamService;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Teams set up through {@link TeamService} without the pages: create one, add people as an accepted invitation
 * would, remove them as an admin would. Each call commits, so observers of member changes run as they would live.
 * Tests inject it.
 */
@Singleton
public class TeamActions {

    private final TeamService service;
    private final TeamAccess access;

    TeamActions(TeamService service, TeamAccess access) {
        this.service = service;
        this.access = access;
    }

    /** A new team owned by the browser's person, put on {@code plan}; answers its id. */
    public UUID create(Browser owner, String name, PlanId plan) {
        UUID teamId = QuarkusTransaction.requiringNew()
                .call(() -> service.create(signedIn(owner), new TeamForm(name, null), "127.0.0.1").id);
        Workspaces.setPlan(teamId, plan);
        return teamId;
    }

    /** Adds the browser's person to the team with {@code role}; answers their user id. */
    public UUID add(UUID teamId, Browser person, WorkspaceRole role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findByEmail(person.email()).orElseThrow();
            service.addMember(Workspace.findById(teamId), user, role);
            return user.id;
        });
    }

    /** {@code admin} takes the member out of the team. */
    public void remove(UUID teamId, Browser admin, UUID memberUserId) {
        QuarkusTransaction.requiringNew().run(() -> {
            TeamAccess.Team team = access.require(signedIn(admin), teamId, WorkspaceAction.MANAGE_MEMBERS);
            service.remove(team, memberUserId, "127.0.0.1");
        });
    }

    /** The browser's person as the application sees them signed in, working in their personal workspace. */
    public static SignedInUser signedIn(Browser browser) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            User user = User.findByEmail(browser.email()).orElseThrow();
            Workspace personal = WorkspaceMember.personalWorkspaceOf(user.id).orElseThrow();
            return new SignedInUser(
                    user.id,
                    user.email,
                    user.displayName,
                    user.theme,
                    true,
                    true,
                    false,
                    null,
                    personal.id,
                    personal.name,
                    personal.plan,
                    WorkspaceRole.OWNER);
        });
    }

    public static long memberCount(UUID teamId) {
        return QuarkusTransaction.requiringNew().call(() -> WorkspaceMember.countIn(teamId));
    }
}
