package dev.qide.project;

import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.project.ProjectViews.ShareView;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** Who a project is shared with, as JSON. */
@Path("/api/projects/{projectId}/share")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ShareApiResource {

    public record ShareRequest(String email, String role) {}

    private final ShareService shares;
    private final CurrentUser currentUser;

    ShareApiResource(ShareService shares, CurrentUser currentUser) {
        this.shares = shares;
        this.currentUser = currentUser;
    }

    @GET
    @RequiresScope(ApiScope.PROJECTS_READ)
    public List<ShareView> list(UUID projectId) {
        return shares.shares(currentUser.require(), projectId).stream()
                .map(ShareView::of)
                .toList();
    }

    @POST
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public Response share(UUID projectId, ShareRequest request) {
        ProjectShare share = shares.share(
                currentUser.require(),
                projectId,
                request == null ? null : request.email(),
                request == null ? null : request.role());
        return Response.status(201).entity(ShareView.of(share)).build();
    }

    @DELETE
    @Path("{userId}")
    @RequiresScope(ApiScope.PROJECTS_WRITE)
    public Response revoke(UUID projectId, UUID userId) {
        shares.revoke(currentUser.require(), projectId, userId);
        return Response.noContent().build();
    }
}
