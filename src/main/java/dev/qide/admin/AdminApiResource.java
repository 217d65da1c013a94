package dev.qide.admin;

import dev.qide.account.user.PlatformAdmins;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.workspace.Workspace;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Platform-admin actions as JSON: {@code PUT /api/admin/workspaces/{id}/plan} with {@code {"plan": "PRO"}}. */
@Path("/api/admin/workspaces/{id}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(PlatformAdmins.ROLE)
public class AdminApiResource {

    public record PlanRequest(String plan) {}

    public record WorkspacePlan(UUID id, String name, String plan) {}

    private final AdminService admin;
    private final CurrentUser currentUser;

    AdminApiResource(AdminService admin, CurrentUser currentUser) {
        this.admin = admin;
        this.currentUser = currentUser;
    }

    @PUT
    public WorkspacePlan setPlan(UUID id, PlanRequest request, @Context HttpServerRequest http) {
        Workspace workspace = admin.setPlan(
                currentUser.require(),
                id,
                PlanIds.parse(request == null ? null : request.plan()),
                ClientInfo.of(http).ipAddress());
        return new WorkspacePlan(workspace.id, workspace.name, workspace.plan.name());
    }
}
