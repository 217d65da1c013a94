package dev.qide.chat;

import dev.qide.byok.ProviderKeyService;
import dev.qide.byok.ProviderKeyService.UsableProvider;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageRole;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.chat.reply.ReplyStreams;
import dev.qide.identity.SignedInUser;
import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmModel;
import dev.qide.web.CsrfToken;
import io.quarkus.qute.TemplateExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Builds what the chat pages show: messages with their HTML, and the model choices of the composer. */
@ApplicationScoped
public class ChatViews {

    private final MarkdownRenderer markdown;
    private final ReplyStreams streams;
    private final ProviderKeyService keys;
    private final CsrfToken csrf;
    private final LlmCatalog providers;

    ChatViews(
            MarkdownRenderer markdown,
            ReplyStreams streams,
            ProviderKeyService keys,
            CsrfToken csrf,
            LlmCatalog providers) {
        this.markdown = markdown;
        this.streams = streams;
        this.keys = keys;
        this.csrf = csrf;
        this.providers = providers;
    }

    /** A message for a page being answered now. */
    public MessageView view(ChatMessage message) {
        return view(message, csrf.value());
    }

    /** A message rendered outside a request (the end of a stream), with the token of the request that asked. */
    public MessageView view(ChatMessage message, String csrfToken) {
        String providerName = message.provider == null ? "" : providers.displayName(message.provider);
        if (message.status == MessageStatus.STREAMING) {
            return new MessageView(
                    message, streams.liveText(message.id).orElse(message.content), "", csrfToken, providerName);
        }
        String html = message.role == MessageRole.ASSISTANT ? markdown.toHtml(message.content) : "";
        return new MessageView(message, message.content, html, csrfToken, providerName);
    }

    /** The CSRF token of the request being answered (for renderings that happen after it). */
    public String csrfToken() {
        return csrf.value();
    }

    public List<MessageView> views(List<ChatMessage> messages) {
        return messages.stream().map(this::view).toList();
    }

    /** The composer's choices: each model of each provider the person has a usable key for here. */
    public Composer composer(SignedInUser user, UUID conversationId, List<ChatMessage> messages, boolean withContext) {
        List<UsableProvider> usable = keys.usableProviders(user);
        String selected = messages.stream()
                .filter(ChatMessage::isReply)
                .reduce((first, second) -> second)
                .filter(reply -> reply.provider != null)
                .map(reply -> reply.provider + "/" + reply.model)
                .orElseGet(() -> usable.isEmpty()
                        ? ""
                        : usable.get(0).key().provider + "/" + usable.get(0).key().defaultModel);
        return new Composer(conversationId, usable, selected, withContext, !keys.personalKeysAllowed(user));
    }

    /** Template helpers for the composer's model list. */
    @TemplateExtension
    static class Extensions {
        /** Whether the key's default model is one the catalog does not list (a custom endpoint's). */
        static boolean defaultUnlisted(UsableProvider usable) {
            return usable.provider().model(usable.key().defaultModel).isEmpty();
        }

        /** The composer's value for a model of the provider: "openai/gpt-4o-mini". */
        static String choice(UsableProvider usable, LlmModel model) {
            return usable.provider().id() + "/" + model.id();
        }

        /** The composer's value for the key's default model. */
        static String defaultChoice(UsableProvider usable) {
            return usable.provider().id() + "/" + usable.key().defaultModel;
        }
    }
}
