package dev.qide.workspace;

/** A personal workspace belongs to one user; a team workspace is shared by its members. */
public enum WorkspaceKind {
    PERSONAL,
    TEAM
}
