package dev.qide.team;

import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.web.HttpProblem;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Opens a team for a member: anyone who is not a member of a live team is told it does not exist (404, the same for
 * every action, so ids cannot be probed); a member whose role does not allow the action gets 403 saying who may.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TeamAccess {

    public static final String NOT_FOUND = "That team does not exist, or you are not a member.";

    /**
     * A team, the caller's membership, and the caller as they act inside it. The entities are as read when the team
     * was opened (usually outside any transaction): services that change them read them again in their own.
     */
    public record Team(Workspace workspace, WorkspaceMember membership, SignedInUser actor) {

        public UUID id() {
            return workspace.id;
        }

        public WorkspaceRole role() {
            return membership.role;
        }

        public boolean may(WorkspaceAction action) {
            return actor.may(action);
        }

        /** Throws 403, saying who may, unless the caller's role in the team allows {@code action}. */
        public void require(WorkspaceAction action) {
            actor.require(action);
        }
    }

    public Team require(SignedInUser user, UUID teamId, WorkspaceAction action) {
        Team team = open(user, teamId);
        team.require(action);
        return team;
    }

    private Team open(SignedInUser user, UUID teamId) {
        WorkspaceMember membership = WorkspaceMember.find(teamId, user.userId())
                .filter(member -> member.workspace.isTeam() && member.workspace.deletedAt == null)
                .orElseThrow(() -> new HttpProblem(404, NOT_FOUND));
        Workspace workspace = membership.workspace;
        return new Team(workspace, membership, user.in(workspace.id, workspace.name, workspace.plan, membership.role));
    }
}
