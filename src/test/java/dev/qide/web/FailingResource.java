package dev.qide.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only routes that fail the way a bug would, to see what people and API clients get back. */
@Path("/")
public class FailingResource {

    static final String INTERNAL_DETAIL = "internal detail: jdbc:secret@db-7 constraint xyz";

    @GET
    @Path("test-support/boom")
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        throw new IllegalStateException(INTERNAL_DETAIL);
    }

    @GET
    @Path("api/test-support/boom")
    @Produces(MediaType.APPLICATION_JSON)
    public String api() {
        throw new IllegalStateException(INTERNAL_DETAIL);
    }
}
