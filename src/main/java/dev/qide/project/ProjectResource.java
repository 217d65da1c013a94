package dev.qide.project;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.project.ProjectService.ProjectForm;
import dev.qide.web.Flash;
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
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;

/** One project's settings page: name and description, who it is shared with, deleting and restoring it. */
@Path(Routes.PROJECTS + "/{id}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProjectResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsView view);

        static native TemplateInstance settings$content(SettingsView view);

        static native TemplateInstance settings$details(SettingsView view);

        static native TemplateInstance settings$sharing(SettingsView view);
    }

    /** What the settings page shows, with the input and messages of the form just sent. */
    public record SettingsView(
            ProjectAccess.Granted granted,
            List<ProjectShare> shares,
            ProjectForm form,
            String shareEmail,
            FormErrors errors,
            String saved) {

        public Project project() {
            return granted.project();
        }

        public List<ProjectLanguage> languages() {
            return List.of(ProjectLanguage.values());
        }
    }

    private final ProjectService projects;
    private final ShareService shares;
    private final ProjectAccess access;
    private final CurrentUser currentUser;
    private final Flash flash;

    ProjectResource(
            ProjectService projects, ShareService shares, ProjectAccess access, CurrentUser currentUser, Flash flash) {
        this.projects = projects;
        this.shares = shares;
        this.access = access;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @GET
    public TemplateInstance page(UUID id, @Context HttpHeaders headers) {
        SettingsView view = view(id, null, "", FormErrors.none(), null);
        return Htmx.wantsFragment(headers) ? Templates.settings$content(view) : Templates.settings(view);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDetails(
            UUID id,
            @RestForm String name,
            @RestForm String description,
            @RestForm String language,
            @Context HttpHeaders headers) {
        ProjectForm form = new ProjectForm(name, description, language);
        try {
            projects.update(currentUser.require(), id, form);
        } catch (InvalidInputException e) {
            return invalid(Templates::settings$details, view(id, form, "", e.errors(), null), headers);
        }
        if (Htmx.wantsFragment(headers)) {
            return Response.ok(Templates.settings$details(view(id, null, "", FormErrors.none(), "Saved.")))
                    .build();
        }
        flash.success("Project details saved.");
        return Redirects.to(Routes.project(id), headers).build();
    }

    @POST
    @Path("delete")
    public Response delete(UUID id, @Context HttpHeaders headers) {
        Project project = projects.trash(currentUser.require(), id);
        flash.success("\u201c" + project.name + "\u201d was moved to the trash. You can restore it for 30 days.");
        return Redirects.to(Routes.PROJECTS, headers).build();
    }

    @POST
    @Path("restore")
    public Response restore(UUID id, @Context HttpHeaders headers) {
        Project project = projects.restore(currentUser.require(), id);
        flash.success("\u201c" + project.name + "\u201d is back from the trash.");
        return Redirects.to(Routes.PROJECTS, headers).build();
    }

    @POST
    @Path("shares")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(UUID id, @RestForm String email, @RestForm String role, @Context HttpHeaders headers) {
        try {
            ProjectShare share = shares.share(currentUser.require(), id, email, role);
            return sharingSaved(
                    id,
                    "Shared with " + share.user.email + " as "
                            + share.role.name().toLowerCase(Locale.ROOT) + ".",
                    headers);
        } catch (InvalidInputException e) {
            return invalid(Templates::settings$sharing, view(id, null, email, e.errors(), null), headers);
        }
    }

    @POST
    @Path("shares/{userId}/revoke")
    public Response revoke(UUID id, UUID userId, @Context HttpHeaders headers) {
        shares.revoke(currentUser.require(), id, userId);
        return sharingSaved(id, "Access removed.", headers);
    }

    private Response sharingSaved(UUID id, String message, HttpHeaders headers) {
        if (Htmx.wantsFragment(headers)) {
            return Response.ok(Templates.settings$sharing(view(id, null, "", FormErrors.none(), message)))
                    .build();
        }
        flash.success(message);
        return Redirects.to(Routes.project(id), headers).build();
    }

    private Response invalid(
            Function<SettingsView, TemplateInstance> fragment, SettingsView view, HttpHeaders headers) {
        return Response.status(422)
                .entity(Htmx.wantsFragment(headers) ? fragment.apply(view) : Templates.settings(view))
                .build();
    }

    private SettingsView view(UUID id, ProjectForm form, String shareEmail, FormErrors errors, String saved) {
        SignedInUser user = currentUser.require();
        ProjectAccess.Granted granted = access.require(id, user.userId(), ProjectPermission.VIEW);
        Project project = granted.project();
        ProjectForm shown =
                form == null ? new ProjectForm(project.name, project.description, project.language.name()) : form;
        return new SettingsView(granted, shares.shares(user, id), shown, shareEmail, errors, saved);
    }
}
