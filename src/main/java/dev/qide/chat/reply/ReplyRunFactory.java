package dev.qide.chat.reply;

import dev.qide.byok.ProviderKeyService;
import dev.qide.chat.conversation.ChatConfig;
import dev.qide.chat.conversation.PreparedReply;
import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Makes {@link ReplyRun}s with what they need. */
@ApplicationScoped
class ReplyRunFactory {

    private final LlmClient client;
    private final ProviderKeyService keys;
    private final ReplyWriter writer;
    private final ChatConfig config;
    private final Clock clock;
    private final LlmCatalog providers;

    ReplyRunFactory(
            LlmClient client,
            ProviderKeyService keys,
            ReplyWriter writer,
            ChatConfig config,
            Clock clock,
            LlmCatalog providers) {
        this.client = client;
        this.keys = keys;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
        this.providers = providers;
    }

    ReplyRun create(PreparedReply prepared, Runnable onEnd) {
        return new ReplyRun(prepared, client, keys, writer, config, clock, providers, onEnd);
    }
}
