package dev.qide.team;

import dev.qide.web.Routes;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Paths of a team's pages and forms, in one place: resources take the templates for their {@code @Path}, views and
 * templates take the built paths from {@link #of(UUID)}.
 */
public final class TeamRoutes {

    /** One team's members page. */
    public static final String TEAM = Routes.TEAMS + "/{teamId}";
    /** The members card of the page, on its own (htmx re-fetches it when members change). */
    public static final String MEMBERS = "members";

    public static final String ROLE = "members/{userId}/role";
    public static final String CAP = "members/{userId}/cap";
    public static final String REMOVE = "members/{userId}/remove";
    public static final String TRANSFER = "transfer";
    public static final String SETTINGS = "settings";
    public static final String LEAVE = "leave";
    public static final String DELETE = "delete";
    /** The invitations card of one team. */
    public static final String INVITES = TEAM + "/invites";

    public static final String INVITE_RESEND = "{inviteId}/resend";
    public static final String INVITE_REVOKE = "{inviteId}/revoke";

    private TeamRoutes() {}

    public static Paths of(UUID teamId) {
        return new Paths(teamId);
    }

    /** The paths of one team, as its templates link and post to them. */
    public record Paths(UUID teamId) {

        public String page() {
            return build(TEAM);
        }

        public String members() {
            return build(TEAM + "/" + MEMBERS);
        }

        public String role(UUID userId) {
            return build(TEAM + "/" + ROLE, userId);
        }

        public String cap(UUID userId) {
            return build(TEAM + "/" + CAP, userId);
        }

        public String remove(UUID userId) {
            return build(TEAM + "/" + REMOVE, userId);
        }

        public String transfer() {
            return build(TEAM + "/" + TRANSFER);
        }

        public String settings() {
            return build(TEAM + "/" + SETTINGS);
        }

        public String leave() {
            return build(TEAM + "/" + LEAVE);
        }

        public String delete() {
            return build(TEAM + "/" + DELETE);
        }

        public String invites() {
            return build(INVITES);
        }

        public String resendInvite(UUID inviteId) {
            return build(INVITES + "/" + INVITE_RESEND, inviteId);
        }

        public String revokeInvite(UUID inviteId) {
            return build(INVITES + "/" + INVITE_REVOKE, inviteId);
        }

        /** The template with this team's id and then {@code ids} in place of its parameters. */
        private String build(String template, UUID... ids) {
            Object[] values =
                    Stream.concat(Stream.of(teamId), Arrays.stream(ids)).toArray();
            return UriBuilder.fromPath(template).build(values).toString();
        }
    }
}
