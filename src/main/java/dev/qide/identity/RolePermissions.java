package dev.qide.identity;

/** The one place that answers whether a role may do an action (see {@link WorkspaceAction} for the matrix). */
public final class RolePermissions {

    private RolePermissions() {}

    public static boolean allows(WorkspaceRole role, WorkspaceAction action) {
        return role != null && role.compareTo(action.leastRole()) <= 0;
    }

    /** Why a role may not do an action, for the 403 page or problem. */
    public static String refusal(WorkspaceAction action) {
        String who =
                switch (action.leastRole()) {
                    case OWNER -> "Only the owner";
                    case ADMIN -> "Only owners and admins";
                    case EDITOR -> "Only owners, admins and editors";
                    case VIEWER -> "Only members";
                };
        return who + " can " + action.phrase() + ".";
    }
}
