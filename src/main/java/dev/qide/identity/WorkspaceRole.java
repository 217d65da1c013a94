package dev.qide.identity;

import java.util.Locale;

/** A member's role in a workspace, most powerful first. */
public enum WorkspaceRole {
    OWNER,
    ADMIN,
    EDITOR,
    VIEWER;

    /** The label shown in pages: "Owner", "Admin". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The role as a sentence names it: "an admin", "an editor", "a viewer". */
    public String withArticle() {
        return (this == VIEWER ? "a " : "an ") + label().toLowerCase(Locale.ROOT);
    }
}
