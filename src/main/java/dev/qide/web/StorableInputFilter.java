package dev.qide.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses (422) a request whose path, query parameters or form fields hold text that is not {@link StorableText}, before
 * any resource stores or searches it: a NUL in a team's name or in a search box fails on PostgreSQL. JSON bodies are
 * checked while they are read ({@link JsonInputRules}); uploaded files keep their own rules.
 */
public class StorableInputFilter {

    @ServerRequestFilter
    @WithFormRead
    void refuseUnstorableText(ResteasyReactiveContainerRequestContext request) {
        if (!StorableText.isStorable(request.getUriInfo().getPath())) {
            throw refused("The address");
        }
        check("The query parameter", queryParameters(request));
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getFormData() != null) {
            check(context.getFormData());
        }
    }

    private static MultivaluedMap<String, String> queryParameters(ResteasyReactiveContainerRequestContext request) {
        try {
            return request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(
                    400, "The address holds a % that does not start an escape (% followed by two hex digits).");
        }
    }

    private static void check(String what, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!StorableText.isStorable(parameter.getKey())
                    || !parameter.getValue().stream().allMatch(StorableText::isStorable)) {
                throw refused(what + " \"" + printable(parameter.getKey()) + "\"");
            }
        }
    }

    private static void check(FormData form) {
        for (String name : form) {
            if (!StorableText.isStorable(name)) {
                throw refused("A form field's name");
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && !StorableText.isStorable(value.getValue())) {
                    throw refused("The field \"" + printable(name) + "\"");
                }
            }
        }
    }

    private static HttpProblem refused(String what) {
        return new HttpProblem(422, what + " " + StorableText.RULE);
    }

    /** A name as it may be shown: what cannot be stored cannot be shown either. */
    private static String printable(String name) {
        String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return StorableText.isStorable(shown) ? shown : "?";
    }
}
