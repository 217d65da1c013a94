package dev.qide.apikey;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** An API endpoint nobody gave a scope, as a new one would be: open to browser sessions, closed to API keys. */
@Path(UnscopedApiResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class UnscopedApiResource {

    static final String PATH = "/api/test/unscoped";

    @GET
    public Map<String, String> get() {
        return Map.of("ok", "yes");
    }
}
