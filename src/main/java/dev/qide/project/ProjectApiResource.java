package dev.qide.project;

import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.project.ProjectService.ProjectForm;
import dev.qide.project.ProjectService.ProjectPage;
import dev.qide.project.ProjectViews.ProjectList;
import dev.qide.project.ProjectViews.ProjectView;
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
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/** Projects as JSON: {@code /api/projects}, with the same rules as the pages. */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ProjectApiResource {

    /** Body of a create or change; a field left out of a change keeps its value. */
    public record ProjectRequest(String name, String description, String language) {}

    private final ProjectService projects;
    private final ProjectAccess access;
    private final CurrentUser currentUser;

    ProjectApiResource(ProjectService projects, ProjectAccess access, CurrentUser currentUser) {
        this.projects = projects;
        this.access = access;
        this.currentUser = currentUser;
    }

    @GET
    @RequiresScope(ApiScope.PROJECTS_READ)
    public ProjectList list(@RestQuery String q, @RestQuery String sort, @RestQuery Integer page) {
        SignedInUser user = currentUser.require();
        ProjectPage found = projects.list(user, q, ProjectSort.parse(sort), page == null ? 1 : page);
        return new ProjectList(
                found.projects().stream()
                        .map(project -> ProjectView.of(project, ProjectPermission.MANAGE))
                        .toList(),
                found.total(),
                found.page(),
                found.pages());
    }

    @POST
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public Response create(ProjectRequest request) {
        SignedInUser user = currentUser.require();
        Project project = projects.create(user, form(request));
        return Response.created(URI.create("/api/projects/" + project.id))
                .entity(ProjectView.of(project, ProjectPermission.MANAGE))
                .build();
    }

    @GET
    @Path("{id}")
    @RequiresScope(ApiScope.PROJECTS_READ)
    public ProjectView get(UUID id) {
        ProjectAccess.Granted granted = access.require(id, currentUser.require().userId(), ProjectPermission.VIEW);
        return ProjectView.of(granted.project(), granted.permission());
    }

    @PUT
    @Path("{id}")
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public ProjectView update(UUID id, ProjectRequest request) {
        return ProjectView.of(projects.update(currentUser.require(), id, form(request)), ProjectPermission.MANAGE);
    }

    /** Moves the project to the trash; {@code POST /api/projects/{id}/restore} brings it back. */
    @DELETE
    @Path("{id}")
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public Response delete(UUID id) {
        projects.trash(currentUser.require(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/restore")
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public ProjectView restore(UUID id) {
        return ProjectView.of(projects.restore(currentUser.require(), id), ProjectPermission.MANAGE);
    }

    private static ProjectForm form(ProjectRequest request) {
        return request == null
                ? new ProjectForm(null, null, null)
                : new ProjectForm(request.name(), request.description(), request.language());
    }
}
