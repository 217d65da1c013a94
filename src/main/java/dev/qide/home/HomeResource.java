package dev.qide.home;

import dev.qide.identity.CurrentUser;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The front page: what Q-IDE is, for visitors; signed-in people go straight to their dashboard. */
@Path(Routes.HOME)
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    private final CurrentUser currentUser;

    HomeResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    public Response home() {
        if (currentUser.get().isPresent()) {
            return Response.seeOther(URI.create(Routes.DASHBOARD)).build();
        }
        return Response.ok(Templates.home()).build();
    }
}
