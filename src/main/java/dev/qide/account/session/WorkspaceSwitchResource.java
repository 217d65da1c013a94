package dev.qide.account.session;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.web.Flash;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import dev.qide.workspace.Workspace;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** The navigation's workspace switcher: makes another of the person's workspaces the current one. */
@Path(Routes.WORKSPACES + "/{workspaceId}/switch")
@Authenticated
public class WorkspaceSwitchResource {

    private final CurrentUser currentUser;
    private final SessionService sessions;
    private final Flash flash;

    WorkspaceSwitchResource(CurrentUser currentUser, SessionService sessions, Flash flash) {
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.flash = flash;
    }

    /** Switches, then goes to {@code next} (a path on this site) or the dashboard. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchTo(UUID workspaceId, @RestForm String next, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Workspace workspace = sessions.switchWorkspace(user.sessionId(), user.userId(), workspaceId);
        flash.info("You are working in "
                + (workspace.isTeam() ? "the team \u201c" + workspace.name + "\u201d" : "your personal workspace")
                + " now.");
        return Redirects.to(Routes.safeNext(next), headers).build();
    }
}
