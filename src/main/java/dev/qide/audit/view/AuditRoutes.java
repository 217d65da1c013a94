package dev.qide.audit.view;

import java.util.UUID;

/** Paths of a team's audit log and its export. */
public final class AuditRoutes {

    public static final String LOG = "/teams/{teamId}/audit";
    public static final String EXPORT = "/teams/{teamId}/audit.csv";

    private AuditRoutes() {}

    public static String log(UUID teamId) {
        return "/teams/" + teamId + "/audit";
    }

    public static String export(UUID teamId) {
        return "/teams/" + teamId + "/audit.csv";
    }
}
