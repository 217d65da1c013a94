package dev.qide.web;

import jakarta.ws.rs.WebApplicationException;

/**
 * An error whose message is written for the person who caused it ("That project does not exist."). Anything else
 * that goes wrong is shown with a generic message for its status; internals never reach a response.
 */
public class HttpProblem extends WebApplicationException {

    private final int status;
    private final String detail;
    private final long retryAfterSeconds;

    public HttpProblem(int status, String detail) {
        this(status, detail, 0);
    }

    /** A problem that goes away by itself: {@code Retry-After} tells the caller when (429, 503). */
    public HttpProblem(int status, String detail, long retryAfterSeconds) {
        super(detail, null, status);
        this.status = status;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /**
     * Whose limit refused the request ({@code member}, {@code workspace}), for problems about limits: the problem
     * document's {@code scope} member. Null for every other problem.
     */
    public String scope() {
        return null;
    }

    /** Seconds until trying again can work; 0 when it will not by itself. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
