package dev.qide.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a body to error responses that filters produce without one (a missing CSRF token is answered with a bare
 * 400), so people see what happened and API clients get a problem document.
 */
public class BodilessErrorFilter {

    private final ErrorResponses responses;

    BodilessErrorFilter(ErrorResponses responses) {
        this.responses = responses;
    }

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || response.getHeaders().containsKey(Htmx.REDIRECT)) {
            return;
        }
        boolean htmx = "true".equalsIgnoreCase(request.getHeaderString(Htmx.REQUEST));
        Response built =
                responses.build(status, null, null, request.getUriInfo().getPath(), htmx);
        response.setEntity(built.getEntity(), null, built.getMediaType());
        built.getStringHeaders().forEach((name, values) -> {
            if (name.startsWith("HX-")) {
                response.getHeaders().put(name, new ArrayList<>(values));
            }
        });
    }
}
