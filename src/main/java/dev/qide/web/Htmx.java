package dev.qide.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The one place that decides whether a request wants a fragment or a whole page. */
public final class Htmx {

    public static final String REQUEST = "HX-Request";
    public static final String HISTORY_RESTORE = "HX-History-Restore-Request";
    public static final String BOOSTED = "HX-Boosted";
    public static final String REDIRECT = "HX-Redirect";
    public static final String RETARGET = "HX-Retarget";
    public static final String RESWAP = "HX-Reswap";
    public static final String CURRENT_URL = "HX-Current-URL";
    public static final String TRIGGER = "HX-Trigger";

    private Htmx() {}

    /** htmx asked for part of a page (not a history restore, not a boosted navigation that wants it all). */
    public static boolean wantsFragment(HttpHeaders headers) {
        return isHtmx(headers)
                && headers.getHeaderString(HISTORY_RESTORE) == null
                && headers.getHeaderString(BOOSTED) == null;
    }

    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equalsIgnoreCase(headers.getHeaderString(REQUEST));
    }

    /**
     * A refused form's fragment for htmx (422), swapped over {@code region} whichever element the form targets when
     * it succeeds.
     */
    public static Response refused(Object fragment, String region) {
        return Response.status(422)
                .header(RETARGET, region)
                .header(RESWAP, "outerHTML")
                .entity(fragment)
                .build();
    }
}
