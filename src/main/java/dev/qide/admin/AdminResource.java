package dev.qide.admin;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.qide.account.user.PlatformAdmins;
import dev.qide.byok.KeyRotation;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.plan.Plan;
import dev.qide.plan.PlanCatalog;
import dev.qide.plan.PlanId;
import dev.qide.web.Flash;
import dev.qide.web.Htmx;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import dev.qide.workspace.Workspace;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The platform admin overview: sign-ups, plans, sessions. Only for QIDE_ADMIN_EMAILS with a confirmed email. */
@Path(Routes.ADMIN)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(PlatformAdmins.ROLE)
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(AdminView view);

        static native TemplateInstance admin$content(AdminView view);
    }

    /** The overview, and the workspaces found by the search, with the plans they can be put on. */
    public record AdminView(
            AdminService.Overview overview,
            List<AdminService.WorkspaceRow> workspaces,
            String search,
            KeyRotation.Status providerKeys,
            List<Plan> plans) {

        /** "Pro Plus" for PRO_PLUS: how people read a plan's id. */
        public String nameOf(PlanId id) {
            return plans.stream()
                    .filter(plan -> plan.id() == id)
                    .map(Plan::name)
                    .findFirst()
                    .orElse(id.name());
        }
    }

    /** The longest search the workspace search box takes (its maxlength). */
    static final int MAX_SEARCH = 200;

    private final AdminService admin;
    private final KeyRotation keyRotation;
    private final CurrentUser currentUser;
    private final Flash flash;
    private final PlanCatalog catalog;

    AdminResource(
            AdminService admin, KeyRotation keyRotation, CurrentUser currentUser, Flash flash, PlanCatalog catalog) {
        this.admin = admin;
        this.keyRotation = keyRotation;
        this.currentUser = currentUser;
        this.flash = flash;
        this.catalog = catalog;
    }

    @GET
    public TemplateInstance page(@RestQuery String q, @Context HttpHeaders headers) {
        String search = q == null ? "" : q.strip();
        search = search.length() > MAX_SEARCH ? search.substring(0, MAX_SEARCH) : search;
        AdminView view =
                new AdminView(admin.overview(), admin.workspaces(search), search, keyRotation.status(), catalog.all());
        return Htmx.wantsFragment(headers) ? Templates.admin$content(view) : Templates.admin(view);
    }

    /** Puts a workspace on another plan, while online payments are not set up (or to correct them). */
    @POST
    @Path("workspaces/{id}/plan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setPlan(
            UUID id,
            @RestForm String plan,
            @RestForm String q,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        PlanId chosen = PlanIds.parse(plan);
        Workspace workspace = admin.setPlan(
                currentUser.require(), id, chosen, ClientInfo.of(request).ipAddress());
        flash.success("\u201c" + workspace.name + "\u201d is now on the "
                + catalog.plan(chosen).name() + " plan.");
        // Back to the search the form came from; a "search" longer than the box takes is not one, and is not echoed.
        String back = q == null || q.isBlank() || q.length() > MAX_SEARCH
                ? Routes.ADMIN
                : Routes.ADMIN + "?q=" + URLEncoder.encode(q, UTF_8);
        return Redirects.to(back, headers).build();
    }

    /**
     * Re-encrypts every provider key sealed with an older key-encryption key under the current one (after
     * QIDE_BYOK_KEK was replaced and the old key kept as a previous one). Chats go on meanwhile.
     */
    @POST
    @Path("provider-keys/reencrypt")
    public Response reencryptProviderKeys(@Context HttpHeaders headers) {
        KeyRotation.Outcome outcome = keyRotation.reencryptAll();
        String message = "Re-encrypted " + outcome.reencrypted() + " provider keys under key-encryption key version "
                + outcome.version() + ".";
        if (outcome.unreadable() > 0) {
            flash.warning(message + " " + outcome.unreadable()
                    + " could not be opened: their old key is not configured as a previous key.");
        } else {
            flash.success(message);
        }
        return Redirects.to(Routes.ADMIN, headers).build();
    }
}
