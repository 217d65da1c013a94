package dev.qide.admin;

import dev.qide.account.PlatformAdmins;
import dev.qide.web.Htmx;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The platform admin overview: sign-ups, plans, sessions. Only for QIDE_ADMIN_EMAILS with a confirmed email. */
@Path(Routes.ADMIN)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(PlatformAdmins.ROLE)
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(AdminService.Overview overview);

        static native TemplateInstance admin$content(AdminService.Overview overview);
    }

    private final AdminService admin;

    AdminResource(AdminService admin) {
        this.admin = admin;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        AdminService.Overview overview = admin.overview();
        return Htmx.wantsFragment(headers) ? Templates.admin$content(overview) : Templates.admin(overview);
    }
}
