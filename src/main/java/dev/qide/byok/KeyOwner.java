package dev.qide.byok;

/** Whose a provider key is: a person's own, or the workspace's (managed by its owners and admins). */
public enum KeyOwner {
    PERSONAL("Personal"),
    WORKSPACE("Workspace");

    private final String label;

    KeyOwner(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
