package dev.qide.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes an API key needs for a JSON API method (on the method, or on the class for all its methods; the
 * method's wins). Browser sessions have every scope. An empty list lets any key in ({@code GET /api/auth/me}).
 *
 * <p>API methods without it refuse API keys altogether ({@link ApiScopeFilter}): a new endpoint is closed to keys
 * until someone decides which scope it belongs to.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    /** Every one of these is needed. */
    ApiScope[] value();
}
