package dev.qide.project;

import dev.qide.account.user.EmailAddress;
import dev.qide.account.user.User;
import dev.qide.identity.SignedInUser;
import dev.qide.web.EnumNames;
import dev.qide.web.FormErrors;
import dev.qide.web.HttpProblem;
import dev.qide.web.InvalidInputException;
import dev.qide.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Shares a project with people outside its workspace, as editors or viewers, and takes shares back. */
@ApplicationScoped
@Transactional
public class ShareService {

    private final ProjectAccess access;
    private final Clock clock;

    ShareService(ProjectAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectShare> shares(SignedInUser user, UUID projectId) {
        access.require(projectId, user.userId(), ProjectPermission.VIEW);
        return ProjectShare.listWithUsers(projectId);
    }

    /** Shares the project with the account using {@code email}; sharing again changes the role. */
    public ProjectShare share(SignedInUser user, UUID projectId, String email, String role) {
        Project project = access.require(projectId, user.userId(), ProjectPermission.MANAGE)
                .project();
        FormErrors errors = FormErrors.none();
        String address = EmailAddress.normalize(email);
        EmailAddress.problem(address).ifPresent(problem -> errors.add("email", problem));
        ShareRole shareRole = EnumNames.parse(ShareRole.class, role).orElse(null);
        if (shareRole == null) {
            errors.add("role", "Choose editor or viewer.");
        }
        errors.throwIfAny();
        User person = User.findByEmail(address)
                .orElseThrow(() -> InvalidInputException.of(
                        "email", "No Q-IDE account uses " + address + ". Ask them to sign up, then share again."));
        if (WorkspaceMember.find(project.workspaceId, person.id).isPresent()) {
            throw InvalidInputException.of(
                    "email", person.email + " is already a member of this workspace and has access.");
        }
        ProjectShare share = ProjectShare.find(projectId, person.id).orElse(null);
        if (share == null) {
            share = ProjectShare.create(projectId, person.id, shareRole, user.userId(), clock.instant());
            share.persist();
        } else {
            share.role = shareRole;
        }
        share.user = person;
        return share;
    }

    public void revoke(SignedInUser user, UUID projectId, UUID sharedWith) {
        access.require(projectId, user.userId(), ProjectPermission.MANAGE);
        ProjectShare share = ProjectShare.find(projectId, sharedWith)
                .orElseThrow(() -> new HttpProblem(404, "This project is not shared with that person."));
        share.delete();
    }
}
