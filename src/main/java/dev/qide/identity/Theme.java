package dev.qide.identity;

/** The colour scheme a person prefers; AUTO follows the operating system. */
public enum Theme {
    LIGHT,
    DARK,
    AUTO;

    public String label() {
        return switch (this) {
            case LIGHT -> "Light";
            case DARK -> "Dark";
            case AUTO -> "Match my system";
        };
    }
}
