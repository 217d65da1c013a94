package dev.qide.project;

import dev.qide.identity.RolePermissions;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.identity.WorkspaceRole;
import dev.qide.web.HttpProblem;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place that decides who may do what with a project. Members of its workspace work by their role; people
 * it was shared with work by their share. Everyone else is told it does not exist.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProjectAccess {

    static final String NOT_FOUND = "That project does not exist, or it is not shared with you.";

    /** A project together with what the caller may do with it. */
    public record Granted(Project project, ProjectPermission permission) {

        public boolean canEdit() {
            return permission.includes(ProjectPermission.EDIT);
        }

        public boolean canManage() {
            return permission.includes(ProjectPermission.MANAGE);
        }
    }

    /** The live project, if {@code userId} may do at least {@code needed} with it; 404 or 403 otherwise. */
    public Granted require(UUID projectId, UUID userId, ProjectPermission needed) {
        Project project = Project.findLive(projectId).orElseThrow(ProjectAccess::notFound);
        return check(project, userId, needed);
    }

    /** Like {@link #require}, for a project in the trash (to restore it). */
    public Granted requireInTrash(UUID projectId, UUID userId) {
        Project project = Project.<Project>findByIdOptional(projectId)
                .filter(Project::inTrash)
                .orElseThrow(ProjectAccess::notFound);
        return check(project, userId, ProjectPermission.MANAGE);
    }

    public Optional<ProjectPermission> permissionOf(Project project, UUID userId) {
        Optional<WorkspaceMember> member = WorkspaceMember.find(project.workspaceId, userId);
        if (member.isPresent()) {
            return Optional.of(forMember(member.get().role));
        }
        return ProjectShare.find(project.id, userId).map(share -> forShare(share.role));
    }

    /**
     * The person as they act on the project: inside its workspace, with their role there, when they are a member
     * (its keys, quotas and audit log apply); unchanged when it is merely shared with them, or is no project.
     */
    public SignedInUser actorFor(SignedInUser user, UUID projectId) {
        return Project.<Project>findLive(projectId)
                .flatMap(project -> memberActor(user, project))
                .orElse(user);
    }

    /**
     * Chatting about a project: 404 for whoever may not see it; members need a role that allows {@link
     * WorkspaceAction#CHAT}, people it is shared with need to be able to edit it (403 saying so otherwise). Answers
     * the person as they chat (see {@link #actorFor}).
     */
    public SignedInUser requireChat(SignedInUser user, UUID projectId) {
        Granted granted = require(projectId, user.userId(), ProjectPermission.VIEW);
        Optional<SignedInUser> member = memberActor(user, granted.project());
        if (member.isPresent()) {
            member.get().require(WorkspaceAction.CHAT);
            return member.get();
        }
        if (!granted.canEdit()) {
            throw new HttpProblem(403, refusal(ProjectPermission.EDIT));
        }
        return user;
    }

    /** Whether someone with this workspace role may create projects in the workspace. */
    public static boolean mayCreateIn(WorkspaceRole role) {
        return RolePermissions.allows(role, WorkspaceAction.EDIT_PROJECTS);
    }

    private Granted check(Project project, UUID userId, ProjectPermission needed) {
        ProjectPermission permission = permissionOf(project, userId).orElseThrow(ProjectAccess::notFound);
        if (!permission.includes(needed)) {
            throw new HttpProblem(403, refusal(needed));
        }
        return new Granted(project, permission);
    }

    private static Optional<SignedInUser> memberActor(SignedInUser user, Project project) {
        return WorkspaceMember.find(project.workspaceId, user.userId()).map(member -> {
            Workspace workspace = Workspace.findById(project.workspaceId);
            return user.in(workspace.id, workspace.name, workspace.plan, member.role);
        });
    }

    private static ProjectPermission forMember(WorkspaceRole role) {
        if (RolePermissions.allows(role, WorkspaceAction.MANAGE_PROJECTS)) {
            return ProjectPermission.MANAGE;
        }
        return RolePermissions.allows(role, WorkspaceAction.EDIT_PROJECTS)
                ? ProjectPermission.EDIT
                : ProjectPermission.VIEW;
    }

    private static ProjectPermission forShare(ShareRole role) {
        return role == ShareRole.EDITOR ? ProjectPermission.EDIT : ProjectPermission.VIEW;
    }

    private static String refusal(ProjectPermission needed) {
        return needed == ProjectPermission.EDIT
                ? "You can view this project but not change it."
                : "Only the project's owners and admins can rename, share, delete or restore it.";
    }

    static HttpProblem notFound() {
        return new HttpProblem(404, NOT_FOUND);
    }
}
