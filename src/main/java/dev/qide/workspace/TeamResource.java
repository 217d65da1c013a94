package dev.qide.workspace;

import dev.qide.account.CurrentUser;
import dev.qide.account.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Feature;
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

/** Who belongs to the current workspace, and with which role. */
@Path(Routes.TEAM)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TeamResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(SignedInUser user, List<WorkspaceMember> members, boolean teamsAllowed);

        static native TemplateInstance team$content(
                SignedInUser user, List<WorkspaceMember> members, boolean teamsAllowed);
    }

    private final CurrentUser currentUser;
    private final WorkspaceService workspaces;
    private final Entitlements entitlements;

    TeamResource(CurrentUser currentUser, WorkspaceService workspaces, Entitlements entitlements) {
        this.currentUser = currentUser;
        this.workspaces = workspaces;
        this.entitlements = entitlements;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        List<WorkspaceMember> members = workspaces.members(user.workspaceId());
        boolean teamsAllowed = entitlements.plan(user.plan()).has(Feature.SHARED_WORKSPACES);
        return Htmx.wantsFragment(headers)
                ? Templates.team$content(user, members, teamsAllowed)
                : Templates.team(user, members, teamsAllowed);
    }
}
