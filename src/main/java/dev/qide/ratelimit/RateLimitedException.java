package dev.qide.ratelimit;

import dev.qide.web.HttpProblem;

/** Too many requests in the last minute: 429 naming the limit, with {@code Retry-After}. */
public class RateLimitedException extends HttpProblem {

    public RateLimitedException(RateLimit limit, long perMinute, long retryAfterSeconds) {
        super(
                429,
                "Too many " + limit.what() + ": at most " + perMinute + " a minute. Try again in " + retryAfterSeconds
                        + " s.",
                retryAfterSeconds);
    }
}
