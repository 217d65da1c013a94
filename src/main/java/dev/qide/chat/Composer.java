package dev.qide.chat;

import dev.qide.byok.ProviderKeyService.UsableProvider;
import java.util.List;
import java.util.UUID;

/**
 * The message form: where it posts, which models it offers, which is chosen, whether it can attach code, and whether
 * the workspace allows only its own keys (so the person's keys are not offered).
 */
public record Composer(
        UUID conversationId,
        List<UsableProvider> providers,
        String selected,
        boolean withContext,
        boolean workspaceKeysOnly) {

    public boolean ready() {
        return !providers.isEmpty();
    }
}
