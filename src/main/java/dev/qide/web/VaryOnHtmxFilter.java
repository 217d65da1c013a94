package dev.qide.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** HTML answers differ for htmx (a fragment) and browsers (a page): say so, so caches keep them apart. */
public class VaryOnHtmxFilter {

    @ServerResponseFilter
    public void vary(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && !type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        List<Object> vary = response.getHeaders().get(HttpHeaders.VARY);
        String existing =
                vary == null ? "" : vary.stream().map(Object::toString).collect(Collectors.joining(", "));
        if (!existing.contains(Htmx.REQUEST)) {
            response.getHeaders()
                    .putSingle(HttpHeaders.VARY, existing.isEmpty() ? Htmx.REQUEST : existing + ", " + Htmx.REQUEST);
        }
    }
}
