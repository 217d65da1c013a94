package dev.qide.web;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every exception a resource lets out to a response its caller can read; never a stack trace. */
public class ErrorMappers {

    private final ErrorResponses responses;

    ErrorMappers(ErrorResponses responses) {
        this.responses = responses;
    }

    /** Anonymous caller on a protected route: the sign-in page for browsers, a client-side redirect for htmx. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(UriInfo uri, HttpHeaders headers) {
        if (ErrorResponses.isApi(uri.getPath())) {
            return respond(401, null, null, uri, headers);
        }
        if (Htmx.isHtmx(headers)) {
            return Response.status(401)
                    .header(Htmx.REDIRECT, Routes.loginThen(pagePath(headers)))
                    .build();
        }
        return Response.seeOther(URI.create(Routes.loginThen(pathAndQuery(uri.getRequestUri()))))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, null, null, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri, HttpHeaders headers) {
        String first = e.errors().asMap().values().stream().findFirst().orElse(null);
        return respond(422, first, null, uri, headers);
    }

    @ServerExceptionMapper
    public Response problem(HttpProblem e, UriInfo uri, HttpHeaders headers) {
        Response response =
                responses.build(e.status(), e.detail(), null, e.scope(), uri.getPath(), Htmx.isHtmx(headers));
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        Response.ResponseBuilder response = Response.fromResponse(respond(status, null, null, uri, headers));
        // Keep the header that tells the client what would work instead.
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    /** Anything unforeseen: logged with a reference the person can quote; the response says nothing internal. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Optional<HttpProblem> unreadableForm = FormBodyProblems.of(e);
        if (unreadableForm.isPresent()) {
            return problem(unreadableForm.get(), uri, headers);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        Log.errorf(e, "Unexpected error %s on %s", reference, uri.getPath());
        return respond(500, null, reference, uri, headers);
    }

    private Response respond(int status, String detail, String reference, UriInfo uri, HttpHeaders headers) {
        return responses.build(status, detail, reference, uri.getPath(), Htmx.isHtmx(headers));
    }

    /** The page the htmx request came from, so sign-in can return there. */
    private static String pagePath(HttpHeaders headers) {
        String current = headers.getHeaderString(Htmx.CURRENT_URL);
        if (current == null) {
            return Routes.DASHBOARD;
        }
        try {
            return pathAndQuery(URI.create(current));
        } catch (IllegalArgumentException e) {
            return Routes.DASHBOARD;
        }
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
