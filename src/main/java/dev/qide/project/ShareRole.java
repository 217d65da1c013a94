package dev.qide.project;

import io.quarkus.qute.TemplateEnum;

/** What a person a project is shared with may do: edit its files, or only read them. */
@TemplateEnum
public enum ShareRole {
    EDITOR,
    VIEWER;

    /** The role named {@code value} (case-insensitive), or null when there is none. */
    public static ShareRole parse(String value) {
        if (value == null) {
            return null;
        }
        for (ShareRole role : values()) {
            if (role.name().equalsIgnoreCase(value.strip())) {
                return role;
            }
        }
        return null;
    }
}
