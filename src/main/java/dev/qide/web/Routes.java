package dev.qide.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Paths of the pages, in one place, so resources and templates never spell them twice. */
public final class Routes {

    public static final String HOME = "/";
    public static final String DASHBOARD = "/dashboard";
    public static final String PRICING = "/pricing";
    public static final String SIGNUP = "/signup";
    /** Where the sign-up form sends everyone: "check your inbox". */
    public static final String SIGNUP_SENT = SIGNUP + "/sent";
    /** The link mailed to a new address: the account is made there. */
    public static final String SIGNUP_CONFIRM = SIGNUP + "/confirm";

    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";
    public static final String FORGOT_PASSWORD = "/forgot-password";
    public static final String RESET_PASSWORD = "/reset-password";
    public static final String VERIFY_EMAIL = "/verify-email";
    public static final String SETTINGS = "/settings";
    public static final String API_KEYS = SETTINGS + "/api-keys";
    public static final String AI_PROVIDERS = SETTINGS + "/ai-providers";
    public static final String CHAT = "/chat";
    public static final String BILLING = "/billing";
    public static final String BILLING_CHECKOUT = BILLING + "/checkout";
    public static final String BILLING_PORTAL = BILLING + "/portal";
    /** Stripe's webhook endpoint: signed by Stripe, so neither a session nor a CSRF token applies. */
    public static final String BILLING_WEBHOOK = BILLING + "/webhook";

    /** The current workspace's team page, or the list of teams when working in the personal workspace. */
    public static final String TEAM = "/team";

    public static final String TEAMS = "/teams";
    public static final String WORKSPACES = "/workspaces";
    public static final String ADMIN = "/admin";
    public static final String PROJECTS = "/projects";
    public static final String PROJECT_TRASH = "/projects/trash";
    public static final String EDITOR = "/editor";
    public static final String API_DOCS = "/api/docs";
    public static final String OIDC_SIGN_IN = "/auth/oidc/";
    public static final String INVITES = "/invites";

    private Routes() {}

    /** The settings page of one project: details, sharing, deletion. */
    public static String project(UUID projectId) {
        return PROJECTS + "/" + projectId;
    }

    /** The editor of one project. */
    public static String editor(UUID projectId) {
        return EDITOR + "/" + projectId;
    }

    /** The members page of one team. */
    public static String team(UUID teamId) {
        return TEAMS + "/" + teamId;
    }

    /** The invitations card of one team (a fragment of its members page). */
    public static String teamInvites(UUID teamId) {
        return team(teamId) + "/invites";
    }

    /** The page an invitation email links to. */
    public static String invite(String token) {
        return INVITES + "/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** The sign-up page, with {@code email} filled in, asked to come back to {@code next} afterwards. */
    public static String signupThen(String next, String email) {
        String query = "next=" + URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8);
        if (email != null && !email.isBlank()) {
            query += "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        }
        return SIGNUP + "?" + query;
    }

    /** The sign-in page, asked to come back to {@code next} afterwards. */
    public static String loginThen(String next) {
        String safe = safeNext(next);
        return safe.equals(DASHBOARD) ? LOGIN : LOGIN + "?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
    }

    /**
     * {@code next} when it is a path on this site, else the dashboard: never a redirect to another site
     * ("//evil.example", "https://...", "/\\evil"), and never something a {@code Location} header cannot carry ("/ /x"
     * is not a URI).
     */
    public static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)
                || next.length() > 2000
                || !isRelativeReference(next)) {
            return DASHBOARD;
        }
        return next;
    }

    /** Whether {@code path} is a URI reference with neither scheme nor host, as a redirect to this site needs. */
    private static boolean isRelativeReference(String path) {
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
