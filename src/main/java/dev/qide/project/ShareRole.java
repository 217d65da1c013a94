package dev.qide.project;

import io.quarkus.qute.TemplateEnum;

/** What a person a project is shared with may do: edit its files, or only read them. */
@TemplateEnum
public enum ShareRole {
    EDITOR,
    VIEWER;
}
