package dev.qide.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every error the JSON API answers; {@code scope} (an extension member)
 * says whose limit refused a request: {@code member} or {@code workspace}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String instance, String reference, String scope) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
