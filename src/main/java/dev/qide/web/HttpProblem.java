package dev.qide.web;

import jakarta.ws.rs.WebApplicationException;

/**
 * An error whose message is written for the person who caused it ("That project does not exist."). Anything else
 * that goes wrong is shown with a generic message for its status; internals never reach a response.
 */
public class HttpProblem extends WebApplicationException {

    private final int status;
    private final String detail;

    public HttpProblem(int status, String detail) {
        super(detail, null, status);
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}
