package dev.qide.project;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.project.ProjectService.ProjectForm;
import dev.qide.project.ProjectService.ProjectPage;
import dev.qide.web.FormErrors;
import dev.qide.web.Htmx;
import dev.qide.web.InvalidInputException;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The project list: search, sort, paging, and creating a project. */
@Path(Routes.PROJECTS)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProjectsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects(ListView view);

        static native TemplateInstance projects$content(ListView view);

        static native TemplateInstance projects$list(ListView view);

        static native TemplateInstance projects$createForm(ListView view);
    }

    /** Everything the projects page shows, with the create form's input and messages. */
    public record ListView(
            SignedInUser user,
            ProjectPage page,
            List<Project> shared,
            boolean canCreate,
            ProjectForm form,
            FormErrors errors) {

        public List<ProjectLanguage> languages() {
            return List.of(ProjectLanguage.values());
        }

        public List<ProjectSort> sorts() {
            return List.of(ProjectSort.values());
        }
    }

    private final ProjectService projects;
    private final CurrentUser currentUser;

    ProjectsResource(ProjectService projects, CurrentUser currentUser) {
        this.projects = projects;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance list(
            @RestQuery String q, @RestQuery String sort, @RestQuery Integer page, @Context HttpHeaders headers) {
        ListView view = view(q, sort, page, new ProjectForm("", "", ProjectLanguage.PYTHON.name()), FormErrors.none());
        if ("project-list".equals(headers.getHeaderString("HX-Target"))) {
            return Templates.projects$list(view);
        }
        return Htmx.wantsFragment(headers) ? Templates.projects$content(view) : Templates.projects(view);
    }

    /** Creates a project and opens it in the editor. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @RestForm String name,
            @RestForm String description,
            @RestForm String language,
            @Context HttpHeaders headers) {
        ProjectForm form = new ProjectForm(name, description, language);
        try {
            Project project = projects.create(currentUser.require(), form);
            return Redirects.to(Routes.editor(project.id), headers).build();
        } catch (InvalidInputException e) {
            ListView view = view(null, null, 1, form, e.errors());
            return Response.status(422)
                    .entity(
                            Htmx.wantsFragment(headers)
                                    ? Templates.projects$createForm(view)
                                    : Templates.projects(view))
                    .build();
        }
    }

    private ListView view(String search, String sort, Integer page, ProjectForm form, FormErrors errors) {
        SignedInUser user = currentUser.require();
        ProjectPage found = projects.list(user, search, ProjectSort.parse(sort), page == null ? 1 : page);
        return new ListView(
                user, found, projects.sharedWith(user), ProjectAccess.mayCreateIn(user.role()), form, errors);
    }
}
