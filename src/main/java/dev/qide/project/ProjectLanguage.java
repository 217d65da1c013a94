package dev.qide.project;

import io.quarkus.qute.TemplateEnum;

/** The main language of a project: shown on its card and used to pick the starter file's highlighting. */
@TemplateEnum
public enum ProjectLanguage {
    PYTHON("Python"),
    JAVASCRIPT("JavaScript"),
    TYPESCRIPT("TypeScript"),
    JAVA("Java"),
    GO("Go"),
    RUST("Rust"),
    WEB("HTML & CSS"),
    SHELL("Shell"),
    OTHER("Other");

    private final String label;

    ProjectLanguage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
