package dev.qide.identity;

import io.quarkus.qute.TemplateEnum;
import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. Browser sessions may do everything; a key only what its scopes name. */
@TemplateEnum
public enum ApiScope {
    PROJECTS_READ("projects:read", "Read projects", "List projects and read their files, history and sharing."),
    PROJECTS_WRITE(
            "projects:write", "Change projects", "Create, change and delete projects and files (includes reading)."),
    RUNS("runs", "Run code", "Run code and project files, follow and stop runs."),
    /** For the chat API and the OpenAI-compatible {@code /v1/chat/completions}, when they are built. */
    CHAT("chat", "Chat", "Talk to models through the chat API with the workspace's provider keys."),
    /** For {@code /api/teams}: the key's team, its members and invitations, within its maker's role. */
    TEAMS(
            "teams",
            "Teams",
            "Read and change the key's team, invite people, list invitations, remove members, and accept"
                    + " invitations sent to you."),
    /** For {@code GET /api/billing/usage}, {@code /subscription} and {@code /invoices}. */
    BILLING_READ(
            "billing:read",
            "Read billing and usage",
            "Read the plan, subscription, invoices, quotas and usage of the workspace.");

    private final String id;
    private final String label;
    private final String description;

    ApiScope(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    /** The name keys and error messages use: {@code projects:write}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The scope named {@code id} ({@code projects:read}), if there is one. */
    public static Optional<ApiScope> byId(String id) {
        return Arrays.stream(values()).filter(scope -> scope.id.equals(id)).findFirst();
    }

    /** Whether holding this scope grants {@code wanted}: itself, and writing projects includes reading them. */
    public boolean grants(ApiScope wanted) {
        return this == wanted || (this == PROJECTS_WRITE && wanted == PROJECTS_READ);
    }
}
