package dev.qide.team;

import jakarta.validation.constraints.Size;

/** A team's name and description, as a form or the JSON API sends them; null leaves a value as it is on update. */
public record TeamForm(
        @Size(min = 1, max = TeamForm.NAME_MAX, message = "Give the team a name of 1 to {max} characters.") String name,
        @Size(max = TeamForm.DESCRIPTION_MAX, message = "A description has at most {max} characters.")
                String description) {

    static final int NAME_MAX = 80;
    static final int DESCRIPTION_MAX = 500;

    /** The form as it is checked and stored: without surrounding spaces. */
    TeamForm stripped() {
        return new TeamForm(name == null ? null : name.strip(), description == null ? null : description.strip());
    }

    /** For a new team, where a field not sent is an empty one. */
    TeamForm orBlank() {
        return new TeamForm(name == null ? "" : name, description == null ? "" : description);
    }
}
