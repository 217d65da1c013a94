package dev.qide.account;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.PlanId;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Who the caller is, for scripts and the browser alike: {@code GET /api/auth/me}. */
@Path("/api/auth/me")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope({}) // any API key may ask who it acts as
@Authenticated
public class MeApiResource {

    public record Me(UserView user, WorkspaceView workspace) {}

    public record UserView(UUID id, String email, String name) {}

    public record WorkspaceView(UUID id, String name, PlanId plan) {}

    private final CurrentUser currentUser;

    MeApiResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    public Me me() {
        SignedInUser user = currentUser.require();
        return new Me(
                new UserView(user.userId(), user.email(), user.displayName()),
                new WorkspaceView(user.workspaceId(), user.workspaceName(), user.plan()));
    }
}
