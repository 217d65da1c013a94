package dev.qide.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds every error response in the shape its caller reads: {@code application/problem+json} for the API, OpenAI's
 * {@code {"error": {...}}} for the OpenAI-compatible {@code /v1}, a toast for htmx, a styled page for browsers.
 */
@ApplicationScoped
public class ErrorResponses {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(int status, String title, String detail, String reference);

        static native TemplateInstance page$toast(int status, String title, String detail, String reference);
    }

    /** The response for {@code status} at {@code path}; {@code detail} is shown as written, so it must be safe. */
    public Response build(int status, String detail, String reference, String path, boolean htmx) {
        return build(status, detail, reference, null, path, htmx);
    }

    /** The same, with the problem's {@code scope} (whose limit fired; see {@link HttpProblem#scope()}). */
    public Response build(int status, String detail, String reference, String scope, String path, boolean htmx) {
        String title = title(status);
        String text = detail == null ? defaultDetail(status) : detail;
        if (isOpenAiCompatible(path)) {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(OpenAiError.of(status, text, reference))
                    .build();
        }
        if (isApi(path)) {
            return Response.status(status)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", title, status, text, path, reference, scope))
                    .build();
        }
        if (htmx) {
            return Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header(Htmx.RETARGET, "#toasts")
                    .header(Htmx.RESWAP, "beforeend")
                    .entity(Templates.page$toast(status, title, text, reference))
                    .build();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.page(status, title, text, reference))
                .build();
    }

    /** API paths answer JSON problems; everything else is a page. */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/v1/"));
    }

    /** The OpenAI-compatible endpoint answers errors as OpenAI does, so its clients read them. */
    public static boolean isOpenAiCompatible(String path) {
        return path != null && (path.equals("/v1") || path.startsWith("/v1/"));
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in required";
            case 403 -> "Access denied";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Check your input";
            case 429 -> "Too many requests";
            case 503 -> "Temporarily unavailable";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    static String defaultDetail(int status) {
        return switch (status) {
            case 400 ->
                "The request could not be understood. If you were sending a form, reload the page and try "
                        + "again: forms expire after a while, and cannot be sent from other sites.";
            case 401 -> "Sign in to continue.";
            case 403 -> "You don't have access to this.";
            case 404 ->
                "We couldn't find what you were looking for. It may have been moved or deleted, "
                        + "or you may not have access to it.";
            case 405 -> "That action isn't available here.";
            case 406 -> "This resource cannot answer in the format that was asked for.";
            case 413 -> "That is more than this server accepts in one request.";
            case 415 -> "This endpoint does not accept that kind of content.";
            case 503 -> "The service is briefly unavailable. Please try again in a moment.";
            default ->
                status >= 500
                        ? "An unexpected error happened on our side. It has been logged; please try again."
                        : "The request was refused.";
        };
    }
}
