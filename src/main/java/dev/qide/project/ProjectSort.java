package dev.qide.project;

import dev.qide.web.EnumNames;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.TemplateEnum;
import java.util.Locale;

/** The orders a project list can be shown in. */
@TemplateEnum
public enum ProjectSort {
    RECENT("Recently changed", Sort.descending("updatedAt").and("name")),
    NAME("Name", Sort.ascending("name").and("createdAt")),
    CREATED("Newest first", Sort.descending("createdAt").and("name"));

    private final String label;
    private final Sort sort;

    ProjectSort(String label, Sort sort) {
        this.label = label;
        this.sort = sort;
    }

    public String label() {
        return label;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    Sort sort() {
        return sort;
    }

    /** The order named {@code value}; the most recently changed first when it names none. */
    public static ProjectSort parse(String value) {
        return EnumNames.parse(ProjectSort.class, value).orElse(RECENT);
    }
}
