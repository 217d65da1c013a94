package dev.qide.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses (400) a request whose {@code Content-Type} is not a media type ({@code ;;;/}), before anything (a filter, a
 * resource choosing how to read the body) asks for it and fails.
 */
public class ContentTypeCheck {

    @ServerRequestFilter(preMatching = true)
    void refuseUnreadableContentType(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        try {
            MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "The Content-Type header is not a media type (such as application/json).");
        }
    }
}
