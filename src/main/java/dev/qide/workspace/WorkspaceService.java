package dev.qide.workspace;

import dev.qide.account.user.User;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates workspaces and answers who belongs to which. */
@ApplicationScoped
@Transactional
public class WorkspaceService {

    /** Name of every personal workspace; the owner's name is shown beside it where it matters. */
    public static final String PERSONAL_WORKSPACE_NAME = "Personal";

    private final Clock clock;

    WorkspaceService(Clock clock) {
        this.clock = clock;
    }

    /** Gives a new user their personal workspace on the FREE plan, with them as its owner. */
    public Workspace createPersonalWorkspace(User owner) {
        Instant now = clock.instant();
        Workspace workspace = Workspace.create(PERSONAL_WORKSPACE_NAME, WorkspaceKind.PERSONAL, PlanId.FREE, now);
        workspace.persist();
        WorkspaceMember.create(workspace, owner, WorkspaceRole.OWNER, now).persist();
        return workspace;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Workspace> personalWorkspaceOf(UUID userId) {
        return WorkspaceMember.personalWorkspaceOf(userId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WorkspaceMember> membership(UUID workspaceId, UUID userId) {
        return WorkspaceMember.find(workspaceId, userId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkspaceMember> members(UUID workspaceId) {
        return WorkspaceMember.listWithUsers(workspaceId);
    }
}
