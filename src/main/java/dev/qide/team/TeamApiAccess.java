package dev.qide.team;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.team.TeamAccess.Team;
import dev.qide.web.HttpProblem;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Opens a team for a JSON API call. A browser session reaches every team its person belongs to; an API key belongs to
 * one workspace, so it reaches only that team (any other answers 404, as for a stranger).
 */
@RequestScoped
public class TeamApiAccess {

    private final CurrentUser currentUser;
    private final TeamAccess access;

    TeamApiAccess(CurrentUser currentUser, TeamAccess access) {
        this.currentUser = currentUser;
        this.access = access;
    }

    public Team require(UUID teamId, WorkspaceAction action) {
        SignedInUser user = currentUser.require();
        if (!reaches(user, teamId)) {
            throw new HttpProblem(404, TeamAccess.NOT_FOUND);
        }
        return access.require(user, teamId, action);
    }

    /** Whether the caller's credentials reach the team at all: a session reaches any, an API key only its own. */
    static boolean reaches(SignedInUser user, UUID teamId) {
        // Only a browser session has a session id; an API-key call has none.
        boolean apiKey = user.sessionId() == null;
        return !apiKey || teamId.equals(user.workspaceId());
    }
}
