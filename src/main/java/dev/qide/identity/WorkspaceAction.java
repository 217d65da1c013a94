package dev.qide.identity;

import io.quarkus.qute.TemplateEnum;

/**
 * Everything a member may or may not do in a workspace, with the least powerful role that may do it. The roles are
 * ordered (owner, admin, editor, viewer), so each role may do what the roles below it may. {@link RolePermissions}
 * is where this is read; nothing else compares roles.
 */
@TemplateEnum
public enum WorkspaceAction {
    /** See the workspace, its members, its projects and their files. */
    VIEW(WorkspaceRole.VIEWER, "see this workspace"),
    /** Create projects and change their files. */
    EDIT_PROJECTS(WorkspaceRole.EDITOR, "create or change projects"),
    /** Chat with models about the workspace's projects. */
    CHAT(WorkspaceRole.EDITOR, "chat here"),
    /** Run code in the sandbox. */
    RUN_CODE(WorkspaceRole.EDITOR, "run code here"),
    /** Make API keys, and see and revoke one's own (never anyone else's: that is {@link #MANAGE_API_KEYS}). */
    MAKE_API_KEYS(WorkspaceRole.EDITOR, "make or see API keys here"),
    /** Rename, share, delete and restore any project of the workspace. */
    MANAGE_PROJECTS(WorkspaceRole.ADMIN, "rename, share or delete projects"),
    /** Invite, re-send and revoke invitations; change members' roles; remove members. */
    MANAGE_MEMBERS(WorkspaceRole.ADMIN, "manage members and invitations"),
    /** Add, change and remove the workspace's provider keys and its fallback order. */
    MANAGE_TEAM_KEYS(WorkspaceRole.ADMIN, "manage the workspace's provider keys"),
    /** See and revoke everyone's API keys in the workspace. */
    MANAGE_API_KEYS(WorkspaceRole.ADMIN, "manage other people's API keys"),
    /** Name, description, the personal-keys setting and members' LLM carve-outs. */
    MANAGE_SETTINGS(WorkspaceRole.ADMIN, "change the workspace's settings"),
    /** Read the audit log and export it. */
    VIEW_AUDIT(WorkspaceRole.ADMIN, "read the audit log"),
    /** See the plan's invoices. */
    VIEW_INVOICES(WorkspaceRole.ADMIN, "see invoices"),
    /** Buy, change or cancel the plan. */
    MANAGE_BILLING(WorkspaceRole.OWNER, "buy, change or cancel the plan"),
    /** Hand the team to another member. */
    TRANSFER_OWNERSHIP(WorkspaceRole.OWNER, "transfer ownership"),
    /** Delete the team. */
    DELETE_TEAM(WorkspaceRole.OWNER, "delete the team");

    private final WorkspaceRole leastRole;
    private final String phrase;

    WorkspaceAction(WorkspaceRole leastRole, String phrase) {
        this.leastRole = leastRole;
        this.phrase = phrase;
    }

    /** What the action is, to finish "Only owners and admins can …": "manage members and invitations". */
    public String phrase() {
        return phrase;
    }

    /** The least powerful role that may do this. */
    public WorkspaceRole leastRole() {
        return leastRole;
    }
}
