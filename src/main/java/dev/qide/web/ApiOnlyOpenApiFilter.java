package dev.qide.web;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the OpenAPI document to the platform API ({@code /api/**} and the OpenAI-compatible {@code /v1/**}): the pages
 * (HTML routes) and the docs page itself are left out.
 */
public class ApiOnlyOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> notApi = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path ->
                        !(path.startsWith("/api/") || path.startsWith("/v1/")) || path.startsWith(Routes.API_DOCS))
                .toList();
        notApi.forEach(openAPI.getPaths()::removePathItem);
    }
}
