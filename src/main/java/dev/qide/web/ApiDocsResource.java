package dev.qide.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The API documentation page: Swagger UI over the OpenAPI document, started by a script file (Swagger UI's own
 * index page starts it with an inline script, which the Content-Security-Policy refuses).
 */
@Path(Routes.API_DOCS)
public class ApiDocsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance docs();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.docs();
    }
}
