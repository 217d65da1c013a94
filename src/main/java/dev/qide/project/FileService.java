package dev.qide.project;

import dev.qide.account.user.User;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
import dev.qide.web.HttpProblem;
import dev.qide.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Files and folders of a project: create, read, save (refusing stale saves), move, delete, and their history.
 * Every change is checked against the caller's permission and the workspace's storage.
 */
@ApplicationScoped
@Transactional
public class FileService {

    /** Autosaves by the same person within this window update one history entry instead of adding another. */
    static final Duration AUTOSAVE_COALESCING = Duration.ofMinutes(5);

    private final ProjectAccess access;
    private final WorkspaceStorage storage;
    private final Entitlements entitlements;
    private final Clock clock;

    FileService(ProjectAccess access, WorkspaceStorage storage, Entitlements entitlements, Clock clock) {
        this.access = access;
        this.storage = storage;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectFile.Entry> tree(SignedInUser user, UUID projectId) {
        access.require(projectId, user.userId(), ProjectPermission.VIEW);
        return ProjectFile.entriesOf(projectId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectFile read(SignedInUser user, UUID projectId, UUID fileId) {
        access.require(projectId, user.userId(), ProjectPermission.VIEW);
        return find(projectId, fileId);
    }

    /** A new file (with {@code content}) or folder at {@code typedPath}; missing parent folders are created. */
    public ProjectFile create(SignedInUser user, UUID projectId, String typedPath, boolean folder, String content) {
        Project project =
                access.require(projectId, user.userId(), ProjectPermission.EDIT).project();
        String path = FilePaths.normalize(typedPath);
        String text = folder ? null : Objects.requireNonNullElse(content, "");
        FileContent.check(text);
        refuseTaken(projectId, path);
        Instant now = clock.instant();
        ensureFolders(projectId, FilePaths.parentOf(path), user.userId(), now);
        ProjectFile file = folder
                ? ProjectFile.newFolder(projectId, path, user.userId(), now)
                : ProjectFile.newFile(projectId, path, text, user.userId(), now);
        boolean keepHistory = !folder && !text.isEmpty() && keepsHistory(project);
        storage.change(project.workspaceId, file.sizeBytes * (keepHistory ? 2 : 1));
        file.persist();
        if (keepHistory) {
            FileVersion.of(file, user.userId(), false, now).persist();
        }
        touch(project, now);
        return file;
    }

    /**
     * Saves new content over {@code baseRevision}. Refused with {@link FileConflictException} when the file changed
     * since then; saving unchanged content changes nothing.
     */
    public ProjectFile save(
            SignedInUser user, UUID projectId, UUID fileId, String content, Integer baseRevision, boolean autosave) {
        Project project =
                access.require(projectId, user.userId(), ProjectPermission.EDIT).project();
        ProjectFile file = find(projectId, fileId);
        if (file.folder) {
            throw new HttpProblem(400, "\"" + file.name() + "\" is a folder; folders have no content.");
        }
        if (content == null) {
            throw InvalidInputException.of("content", "Send the file's content.");
        }
        if (baseRevision == null) {
            throw InvalidInputException.of(
                    "baseRevision", "Send the revision your change started from (base_revision).");
        }
        FileContent.check(content);
        if (baseRevision != file.revision) {
            throw new FileConflictException(file);
        }
        if (content.equals(file.content)) {
            return file;
        }
        return write(project, file, content, user.userId(), autosave);
    }

    /** Moves or renames a file or folder (with everything inside it). */
    public ProjectFile move(SignedInUser user, UUID projectId, UUID fileId, String typedPath) {
        Project project =
                access.require(projectId, user.userId(), ProjectPermission.EDIT).project();
        ProjectFile file = find(projectId, fileId);
        String target = FilePaths.normalize(typedPath);
        if (target.equals(file.path)) {
            return file;
        }
        if (file.folder && FilePaths.isWithin(target, file.path)) {
            throw InvalidInputException.of("path", "A folder cannot be moved into itself.");
        }
        refuseTaken(projectId, target);
        Instant now = clock.instant();
        ensureFolders(projectId, FilePaths.parentOf(target), user.userId(), now);
        String from = file.path;
        if (file.folder) {
            for (ProjectFile inside : ProjectFile.inside(projectId, from)) {
                inside.path = target + inside.path.substring(from.length());
            }
        }
        file.path = target;
        touch(project, now);
        return file;
    }

    /** Deletes a file, or a folder with everything inside it, history included. */
    public void delete(SignedInUser user, UUID projectId, UUID fileId) {
        Project project =
                access.require(projectId, user.userId(), ProjectPermission.EDIT).project();
        ProjectFile file = find(projectId, fileId);
        List<ProjectFile> doomed = new ArrayList<>(List.of(file));
        if (file.folder) {
            doomed.addAll(ProjectFile.inside(projectId, file.path));
        }
        long freed = 0;
        for (ProjectFile each : doomed) {
            freed += each.sizeBytes + FileVersion.bytesOf(each.id);
            FileVersion.delete("fileId", each.id);
            each.delete();
        }
        storage.change(project.workspaceId, -freed);
        touch(project, clock.instant());
    }

    /** The file's saved versions, newest first; only on plans with version history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FileVersion.Entry> versions(SignedInUser user, UUID projectId, UUID fileId) {
        Project project =
                access.require(projectId, user.userId(), ProjectPermission.VIEW).project();
        requireHistory(project);
        return FileVersion.entriesOf(find(projectId, fileId).id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FileVersion version(SignedInUser user, UUID projectId, UUID fileId, UUID versionId) {
        Project project =
                access.require(projectId, user.userId(), ProjectPermission.VIEW).project();
        requireHistory(project);
        return findVersion(find(projectId, fileId), versionId);
    }

    /** Makes an old version the current content again, as a new version; nothing in between is lost. */
    public ProjectFile restore(SignedInUser user, UUID projectId, UUID fileId, UUID versionId) {
        Project project =
                access.require(projectId, user.userId(), ProjectPermission.EDIT).project();
        requireHistory(project);
        ProjectFile file = find(projectId, fileId);
        FileVersion version = findVersion(file, versionId);
        if (version.content.equals(file.content)) {
            return file;
        }
        return write(project, file, version.content, user.userId(), false);
    }

    /** Display names of the people with {@code ids} (authors of versions), by user id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> namesOf(List<UUID> authorIds) {
        Set<UUID> ids = authorIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return User.<User>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(user -> user.id, user -> user.displayName));
    }

    /** Whether the project's workspace plan keeps file history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean keepsHistory(Project project) {
        return entitlements.of(project.workspaceId).orElseThrow().may(Feature.VERSION_HISTORY);
    }

    private ProjectFile write(Project project, ProjectFile file, String content, UUID author, boolean autosave) {
        Instant now = clock.instant();
        long oldSize = file.sizeBytes;
        file.content = content;
        file.sizeBytes = FileContent.sizeOf(content);
        file.updatedBy = author;
        file.updatedAt = now;
        try {
            // The version column makes this UPDATE conditional: a save that raced ours fails here, not silently.
            ProjectFile.flush();
        } catch (OptimisticLockException raced) {
            throw new FileConflictException(file);
        }
        long historyDelta = keepsHistory(project) ? recordVersion(file, author, autosave, now) : 0;
        storage.change(project.workspaceId, file.sizeBytes - oldSize + historyDelta);
        touch(project, now);
        return file;
    }

    /** Records the file's new content in its history; answers the bytes this added. */
    private long recordVersion(ProjectFile file, UUID author, boolean autosave, Instant now) {
        FileVersion latest = FileVersion.latestOf(file.id).orElse(null);
        if (autosave
                && latest != null
                && latest.autosave
                && Objects.equals(latest.authorId, author)
                && latest.updatedAt.isAfter(now.minus(AUTOSAVE_COALESCING))) {
            long before = latest.sizeBytes;
            latest.hold(file, now);
            return latest.sizeBytes - before;
        }
        FileVersion version = FileVersion.of(file, author, autosave, now);
        version.persist();
        return version.sizeBytes;
    }

    private void requireHistory(Project project) {
        if (!keepsHistory(project)) {
            throw new HttpProblem(
                    403, "File history is part of the Pro plan and above. Upgrade to keep every version.");
        }
    }

    private static ProjectFile find(UUID projectId, UUID fileId) {
        return ProjectFile.findIn(projectId, fileId)
                .orElseThrow(() -> new HttpProblem(404, "That file does not exist in this project."));
    }

    /** Refuses a path that is already used, or that would put something inside a file. */
    private static FileVersion findVersion(ProjectFile file, UUID versionId) {
        return FileVersion.findOf(file.id, versionId)
                .orElseThrow(() -> new HttpProblem(404, "That version does not exist."));
    }

    private static void refuseTaken(UUID projectId, String path) {
        if (ProjectFile.findByPath(projectId, path).isPresent()) {
            throw new HttpProblem(409, "\"" + path + "\" already exists in this project.");
        }
        for (String parent = FilePaths.parentOf(path); parent != null; parent = FilePaths.parentOf(parent)) {
            ProjectFile existing = ProjectFile.findByPath(projectId, parent).orElse(null);
            if (existing != null && !existing.folder) {
                throw new HttpProblem(409, "\"" + parent + "\" is a file, so nothing can be put inside it.");
            }
        }
    }

    private static void ensureFolders(UUID projectId, String folder, UUID author, Instant now) {
        if (folder == null || ProjectFile.findByPath(projectId, folder).isPresent()) {
            return;
        }
        ensureFolders(projectId, FilePaths.parentOf(folder), author, now);
        ProjectFile.newFolder(projectId, folder, author, now).persist();
    }

    private static void touch(Project project, Instant now) {
        project.updatedAt = now;
    }
}
