package dev.qide.project;

import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.web.EnumNames;
import dev.qide.web.FormErrors;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates, lists, changes, trashes, restores and purges projects. */
@ApplicationScoped
@Transactional
public class ProjectService {

    /** How long a deleted project waits in the trash before it is purged. */
    public static final Duration TRASH_RETENTION = Duration.ofDays(30);

    public static final int PAGE_SIZE = 12;

    /** What a person sends to create or change a project. */
    public record ProjectForm(String name, String description, String language) {}

    /** One page of a project list. */
    public record ProjectPage(
            List<Project> projects, long total, int page, int pages, String search, ProjectSort sort) {}

    private final ProjectAccess access;
    private final FileService files;
    private final WorkspaceStorage storage;
    private final Clock clock;

    ProjectService(ProjectAccess access, FileService files, WorkspaceStorage storage, Clock clock) {
        this.access = access;
        this.files = files;
        this.storage = storage;
        this.clock = clock;
    }

    /** A new project in the person's current workspace, with a README to start from. */
    public Project create(SignedInUser user, ProjectForm form) {
        user.require(WorkspaceAction.EDIT_PROJECTS);
        Valid valid = validate(form, true);
        Instant now = clock.instant();
        Project project = Project.create(
                user.workspaceId(), valid.name(), valid.description(), valid.language(), user.userId(), now);
        project.persist();
        String readme =
                "# " + valid.name() + "\n" + (valid.description().isEmpty() ? "" : "\n" + valid.description() + "\n");
        files.create(user, project.id, "README.md", false, readme);
        return project;
    }

    /** Renames and re-describes a project; a field left null keeps its value. */
    public Project update(SignedInUser user, UUID projectId, ProjectForm form) {
        Project project = access.require(projectId, user.userId(), ProjectPermission.MANAGE)
                .project();
        ProjectForm merged = new ProjectForm(
                form.name() == null ? project.name : form.name(),
                form.description() == null ? project.description : form.description(),
                form.language() == null ? project.language.name() : form.language());
        Valid valid = validate(merged, false);
        project.name = valid.name();
        project.description = valid.description();
        project.language = valid.language();
        project.updatedAt = clock.instant();
        return project;
    }

    /** Moves a project to the trash, from where it can be restored for {@link #TRASH_RETENTION}. */
    public Project trash(SignedInUser user, UUID projectId) {
        Project project = access.require(projectId, user.userId(), ProjectPermission.MANAGE)
                .project();
        project.deletedAt = clock.instant();
        return project;
    }

    public Project restore(SignedInUser user, UUID projectId) {
        Project project = access.requireInTrash(projectId, user.userId()).project();
        project.deletedAt = null;
        project.updatedAt = clock.instant();
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectPage list(SignedInUser user, String search, ProjectSort sort, int page) {
        String query = search == null ? "" : search.strip();
        long total = Project.countMatching(user.workspaceId(), query);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        List<Project> projects =
                Project.search(user.workspaceId(), query, sort.sort(), Page.of(current - 1, PAGE_SIZE));
        return new ProjectPage(projects, total, current, pages, query, sort);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Project> recent(SignedInUser user, int count) {
        return Project.search(user.workspaceId(), "", Sort.descending("updatedAt"), Page.ofSize(count));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Project> sharedWith(SignedInUser user) {
        return Project.sharedWith(user.userId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Project> trash(SignedInUser user) {
        return ProjectAccess.mayCreateIn(user.role()) ? Project.trashOf(user.workspaceId()) : List.of();
    }

    /** Deletes for good what has waited in the trash long enough. Safe to run late, twice, or on several replicas. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeTrash() {
        int purged = purgeTrashedBefore(clock.instant().minus(TRASH_RETENTION));
        if (purged > 0) {
            Log.infof("Purged %d project(s) from the trash", purged);
        }
    }

    /** Purges projects moved to the trash before {@code cutoff}; answers how many. */
    public int purgeTrashedBefore(Instant cutoff) {
        List<Project> expired = Project.trashedBefore(cutoff);
        for (Project project : expired) {
            storage.change(project.workspaceId, -ProjectFile.bytesHeldBy(project.id));
            project.delete();
        }
        return expired.size();
    }

    private record Valid(String name, String description, ProjectLanguage language) {}

    private static Valid validate(ProjectForm form, boolean creating) {
        FormErrors errors = FormErrors.none();
        String name = form.name() == null ? "" : form.name().strip();
        String description =
                form.description() == null ? "" : form.description().strip();
        if (name.isEmpty()) {
            errors.add("name", "Give the project a name.");
        } else if (name.length() > 80) {
            errors.add("name", "Project names can be at most 80 characters.");
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("name", "Project names cannot contain control characters.");
        }
        if (description.length() > 500) {
            errors.add("description", "Descriptions can be at most 500 characters.");
        }
        ProjectLanguage language =
                EnumNames.parse(ProjectLanguage.class, form.language()).orElse(null);
        if (language == null) {
            if (creating && (form.language() == null || form.language().isBlank())) {
                language = ProjectLanguage.OTHER;
            } else {
                errors.add("language", "Choose one of the listed languages.");
            }
        }
        errors.throwIfAny();
        return new Valid(name, description, language);
    }
}
