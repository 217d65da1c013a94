package dev.qide.project;

import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.project.ProjectViews.FileView;
import dev.qide.project.ProjectViews.VersionView;
import dev.qide.web.HttpProblem;
import dev.qide.web.InvalidInputException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/** A project's files, folders and file history as JSON; the editor page works through these same routes. */
@Path("/api/projects/{projectId}/files")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class FileApiResource {

    /** A new file (with optional content) or folder. */
    public record CreateFileRequest(String path, String content, Boolean folder) {}

    /**
     * A change: new {@code content} over {@code base_revision} (autosave when the editor saved on its own), and/or a
     * new {@code path} to move or rename.
     */
    public record UpdateFileRequest(String content, Integer baseRevision, Boolean autosave, String path) {}

    private static final String DELETED_USER = "Deleted user";

    private final FileService files;
    private final CurrentUser currentUser;

    FileApiResource(FileService files, CurrentUser currentUser) {
        this.files = files;
        this.currentUser = currentUser;
    }

    @GET
    @RequiresScope(ApiScope.PROJECTS_READ)
    public List<FileView> tree(UUID projectId) {
        return files.tree(currentUser.require(), projectId).stream()
                .map(FileView::of)
                .toList();
    }

    @POST
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public Response create(UUID projectId, CreateFileRequest request) {
        if (request == null) {
            throw InvalidInputException.of("path", "Send the new file's path.");
        }
        ProjectFile file = files.create(
                currentUser.require(),
                projectId,
                request.path(),
                Boolean.TRUE.equals(request.folder()),
                request.content());
        return Response.created(URI.create("/api/projects/" + projectId + "/files/" + file.id))
                .entity(FileView.of(file))
                .build();
    }

    /** A file uploaded as raw bytes, which must be UTF-8 text: {@code POST .../files/upload?path=notes/a.txt}. */
    @POST
    @Path("upload")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public Response upload(UUID projectId, @RestQuery String path, byte[] body) {
        FileContent.checkSize(body.length);
        String content = FileContent.decode(body)
                .orElseThrow(() -> new HttpProblem(
                        415, "Only UTF-8 text files can be stored; this file is in another encoding or is binary."));
        return create(projectId, new CreateFileRequest(path, content, false));
    }

    @GET
    @Path("{fileId}")
    @RequiresScope(ApiScope.PROJECTS_READ)
    public FileView get(UUID projectId, UUID fileId) {
        return FileView.of(files.read(currentUser.require(), projectId, fileId));
    }

    @PUT
    @Path("{fileId}")
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public FileView update(UUID projectId, UUID fileId, UpdateFileRequest request) {
        if (request == null || (request.content() == null && request.path() == null)) {
            throw InvalidInputException.of("content", "Send new content (with base_revision), a new path, or both.");
        }
        SignedInUser user = currentUser.require();
        ProjectFile file = null;
        if (request.content() != null) {
            file = files.save(
                    user,
                    projectId,
                    fileId,
                    request.content(),
                    request.baseRevision(),
                    Boolean.TRUE.equals(request.autosave()));
        }
        if (request.path() != null) {
            file = files.move(user, projectId, fileId, request.path());
        }
        return FileView.of(file);
    }

    @DELETE
    @Path("{fileId}")
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public Response delete(UUID projectId, UUID fileId) {
        files.delete(currentUser.require(), projectId, fileId);
        return Response.noContent().build();
    }

    @GET
    @Path("{fileId}/versions")
    @RequiresScope(ApiScope.PROJECTS_READ)
    public List<VersionView> versions(UUID projectId, UUID fileId) {
        List<FileVersion.Entry> versions = files.versions(currentUser.require(), projectId, fileId);
        Map<UUID, String> authors =
                files.namesOf(versions.stream().map(FileVersion.Entry::authorId).toList());
        return versions.stream()
                .map(version -> new VersionView(
                        version.id(),
                        version.revision(),
                        version.authorId(),
                        authors.getOrDefault(version.authorId(), DELETED_USER),
                        version.autosave(),
                        version.sizeBytes(),
                        version.createdAt(),
                        version.updatedAt(),
                        null))
                .toList();
    }

    @GET
    @Path("{fileId}/versions/{versionId}")
    @RequiresScope(ApiScope.PROJECTS_READ)
    public VersionView version(UUID projectId, UUID fileId, UUID versionId) {
        FileVersion version = files.version(currentUser.require(), projectId, fileId, versionId);
        return new VersionView(
                version.id,
                version.revision,
                version.authorId,
                files.namesOf(Collections.singletonList(version.authorId)).getOrDefault(version.authorId, DELETED_USER),
                version.autosave,
                version.sizeBytes,
                version.createdAt,
                version.updatedAt,
                version.content);
    }

    /** Makes an old version current again, recorded as a new version. */
    @POST
    @Path("{fileId}/versions/{versionId}/restore")
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public FileView restore(UUID projectId, UUID fileId, UUID versionId) {
        return FileView.of(files.restore(currentUser.require(), projectId, fileId, versionId));
    }
}
