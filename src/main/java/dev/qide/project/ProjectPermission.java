package dev.qide.project;

import io.quarkus.qute.TemplateEnum;

/** What someone may do with a project, each level including the ones before it. */
@TemplateEnum
public enum ProjectPermission {
    /** Read files, history and runs' output. */
    VIEW,
    /** Also create, change, move and delete files, and run code. */
    EDIT,
    /** Also rename, share, delete and restore the project. */
    MANAGE;

    public boolean includes(ProjectPermission needed) {
        return compareTo(needed) >= 0;
    }
}
