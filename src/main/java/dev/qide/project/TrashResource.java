package dev.qide.project;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.web.Htmx;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Deleted projects of the current workspace, with the date each is purged; restoring is on ProjectResource. */
@Path(Routes.PROJECT_TRASH)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TrashResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trash(SignedInUser user, List<Project> projects);

        static native TemplateInstance trash$content(SignedInUser user, List<Project> projects);
    }

    private final ProjectService projects;
    private final CurrentUser currentUser;

    TrashResource(ProjectService projects, CurrentUser currentUser) {
        this.projects = projects;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        List<Project> trashed = projects.trash(user);
        return Htmx.wantsFragment(headers) ? Templates.trash$content(user, trashed) : Templates.trash(user, trashed);
    }
}
