package dev.qide.workspace;

/** A member's role in a workspace, most powerful first. */
public enum WorkspaceRole {
    OWNER,
    ADMIN,
    EDITOR,
    VIEWER;

    /** The label shown in pages: "Owner", "Admin". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }

    /** The role as a sentence names it: "an admin", "an editor", "a viewer". */
    public String withArticle() {
        return (this == VIEWER ? "a " : "an ") + label().toLowerCase();
    }
}
