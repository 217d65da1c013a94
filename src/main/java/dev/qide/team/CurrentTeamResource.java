package dev.qide.team;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.web.Routes;
import dev.qide.workspace.Workspace;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** "Team" in the navigation: the current team's page, or the list of teams from the personal workspace. */
@Path(Routes.TEAM)
@Authenticated
public class CurrentTeamResource {

    private final CurrentUser currentUser;

    CurrentTeamResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    public Response open() {
        SignedInUser user = currentUser.require();
        boolean inTeam = Workspace.<Workspace>findByIdOptional(user.workspaceId())
                .map(Workspace::isTeam)
                .orElse(false);
        return Response.seeOther(URI.create(inTeam ? Routes.team(user.workspaceId()) : Routes.TEAMS))
                .build();
    }
}
