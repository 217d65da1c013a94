package dev.qide.identity;

import dev.qide.plan.PlanId;
import dev.qide.web.HttpProblem;
import java.util.Locale;
import java.util.UUID;

/**
 * Who is signed in, and where they are working: what every page and API call sees, whatever the sign-in method.
 * Built once per request from the session row.
 */
public record SignedInUser(
        UUID userId,
        String email,
        String displayName,
        Theme theme,
        boolean emailVerified,
        boolean hasPassword,
        boolean platformAdmin,
        UUID sessionId,
        UUID workspaceId,
        String workspaceName,
        PlanId plan,
        WorkspaceRole role) {

    /** Attribute name under which the security identity carries this record. */
    public static final String ATTRIBUTE = "qide.signed-in-user";

    /** Whether the person's role in the current workspace allows {@code action}. */
    public boolean may(WorkspaceAction action) {
        return RolePermissions.allows(role, action);
    }

    /** Throws 403, saying who may, unless the person's role allows {@code action}. */
    public void require(WorkspaceAction action) {
        if (!may(action)) {
            throw new HttpProblem(403, RolePermissions.refusal(action));
        }
    }

    /** The same person working in another workspace they belong to, with their role there. */
    public SignedInUser in(
            UUID otherWorkspaceId, String otherWorkspaceName, PlanId otherPlan, WorkspaceRole otherRole) {
        return new SignedInUser(
                userId,
                email,
                displayName,
                theme,
                emailVerified,
                hasPassword,
                platformAdmin,
                sessionId,
                otherWorkspaceId,
                otherWorkspaceName,
                otherPlan,
                otherRole);
    }

    /** One or two letters for the avatar. */
    public String initials() {
        String[] words = displayName.strip().split("\\s+");
        String first = words[0].isEmpty() ? "?" : words[0].substring(0, words[0].offsetByCodePoints(0, 1));
        if (words.length == 1) {
            return first.toUpperCase(Locale.ROOT);
        }
        String last = words[words.length - 1];
        return (first + last.substring(0, last.offsetByCodePoints(0, 1))).toUpperCase(Locale.ROOT);
    }
}
