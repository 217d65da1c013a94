package dev.qide.chat.conversation;

import dev.qide.byok.ProviderKey;
import dev.qide.byok.ProviderKeyService;
import dev.qide.chat.conversation.PreparedReply.Candidate;
import dev.qide.chat.reply.ChatReplies;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.llm.ChatRole;
import dev.qide.llm.ChatTurn;
import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmModel;
import dev.qide.project.ProjectAccess;
import dev.qide.project.ProjectPermission;
import dev.qide.quota.Meter;
import dev.qide.quota.QuotaService;
import dev.qide.ratelimit.RateLimit;
import dev.qide.ratelimit.RateLimiter;
import dev.qide.web.FormErrors;
import dev.qide.web.HttpProblem;
import dev.qide.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations and messages: who may see them (their author, while they may still see the project), and sending
 * a message, which checks everything first (text, provider, key, rate limit), then counts one LLM request and
 * stores the message and an empty reply. The caller then starts the reply with {@link ChatReplies}.
 */
@ApplicationScoped
@Transactional
public class ChatService {

    public static final String NOT_FOUND = "That conversation does not exist.";
    private static final int MAX_CONTEXT_CHARS = 200_000;
    private static final int TITLE_LENGTH = 60;
    private static final String NEW_TITLE = "New chat";

    private final ProjectAccess projects;
    private final ProviderKeyService keys;
    private final LlmCatalog catalog;
    private final QuotaService quotas;
    private final RateLimiter rateLimiter;
    private final ChatConfig config;
    private final Clock clock;

    ChatService(
            ProjectAccess projects,
            ProviderKeyService keys,
            LlmCatalog catalog,
            QuotaService quotas,
            RateLimiter rateLimiter,
            ChatConfig config,
            Clock clock) {
        this.projects = projects;
        this.keys = keys;
        this.catalog = catalog;
        this.quotas = quotas;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The person's conversations about a project (null: about no project), newest first: those of the project's
     * workspace when they are a member of it, else those of their current workspace.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Conversation> conversations(SignedInUser user, UUID projectId) {
        if (projectId != null) {
            projects.require(projectId, user.userId(), ProjectPermission.VIEW);
        }
        return Conversation.of(user.userId(), actingIn(user, projectId).workspaceId(), projectId);
    }

    /** One of the person's conversations; 404 for anyone else's, or when the project is no longer theirs to see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Conversation conversation(SignedInUser user, UUID conversationId) {
        return conversation(user, conversationId, false);
    }

    /**
     * The person as they chat about a project (null: about none): inside the project's workspace when they are a
     * member of it, so its keys, quotas and audit log apply; in their current workspace otherwise.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SignedInUser actingIn(SignedInUser user, UUID projectId) {
        return projectId == null ? user : projects.actorFor(user, projectId);
    }

    /** Whether the person may send messages about the project (null: about none) now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean maySend(SignedInUser user, UUID projectId) {
        try {
            requireChat(user, projectId);
            return true;
        } catch (HttpProblem refused) {
            return false;
        }
    }

    /**
     * One of the person's conversations, in the workspace they chat in about its project: 404 when they may not see
     * the project any more (or left the workspace it was held in), 403 (saying who may) when {@code toChat} and
     * they may see but not chat.
     */
    private Conversation conversation(SignedInUser user, UUID conversationId, boolean toChat) {
        Conversation conversation = Conversation.<Conversation>findByIdOptional(conversationId)
                .filter(found -> found.userId.equals(user.userId()))
                .filter(found ->
                        found.workspaceId.equals(actingIn(user, found.projectId).workspaceId()))
                .orElseThrow(() -> new HttpProblem(404, NOT_FOUND));
        try {
            if (toChat) {
                requireChat(user, conversation.projectId);
            } else if (conversation.projectId != null) {
                projects.require(conversation.projectId, user.userId(), ProjectPermission.VIEW);
            }
        } catch (HttpProblem e) {
            throw e.status() == 403 ? e : new HttpProblem(404, NOT_FOUND);
        }
        return conversation;
    }

    /** The person as they chat about the project (null: none), when their role (or share) allows it; 403/404 otherwise. */
    private SignedInUser requireChat(SignedInUser user, UUID projectId) {
        if (projectId != null) {
            return projects.requireChat(user, projectId);
        }
        user.require(WorkspaceAction.CHAT);
        return user;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChatMessage> messages(SignedInUser user, UUID conversationId) {
        return ChatMessage.of(conversation(user, conversationId).id);
    }

    /** A message of one of the person's conversations; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChatMessage message(SignedInUser user, UUID messageId) {
        ChatMessage message = ChatMessage.<ChatMessage>findByIdOptional(messageId)
                .orElseThrow(() -> new HttpProblem(404, "That message does not exist."));
        try {
            conversation(user, message.conversationId);
        } catch (HttpProblem e) {
            throw new HttpProblem(404, "That message does not exist.");
        }
        return message;
    }

    /** A new, empty conversation; the person must be allowed to chat about the project (or here, for none). */
    public Conversation start(SignedInUser user, UUID projectId) {
        return newConversation(requireChat(user, projectId), projectId, NEW_TITLE);
    }

    /** The person's newest conversation about the project, or a new one (for the JSON API, which has no ids). */
    public Conversation current(SignedInUser user, UUID projectId) {
        return conversations(user, projectId).stream().findFirst().orElseGet(() -> start(user, projectId));
    }

    public Conversation rename(SignedInUser user, UUID conversationId, String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty() || trimmed.length() > Conversation.MAX_TITLE) {
            throw dev.qide.web.InvalidInputException.of(
                    "title", "Give the conversation a title of 1 to " + Conversation.MAX_TITLE + " characters.");
        }
        Conversation conversation = conversation(user, conversationId);
        conversation.title = trimmed;
        return conversation;
    }

    /** Deletes a conversation with its messages; replies still being written are stopped by the caller first. */
    public Conversation delete(SignedInUser user, UUID conversationId) {
        Conversation conversation = conversation(user, conversationId);
        ChatMessage.delete("conversationId", conversation.id);
        conversation.delete();
        return conversation;
    }

    /** Removes every message of a conversation, keeping the conversation. */
    public void clear(SignedInUser user, UUID conversationId) {
        Conversation conversation = conversation(user, conversationId);
        ChatMessage.delete("conversationId", conversation.id);
        conversation.updatedAt = clock.instant();
    }

    /** Deletes one message. */
    public ChatMessage deleteMessage(SignedInUser user, UUID messageId) {
        ChatMessage message = message(user, messageId);
        message.delete();
        return message;
    }

    /** Replies of the conversation still being written (to stop them before deleting). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> streamingReplies(SignedInUser user, UUID conversationId) {
        return ChatMessage.of(conversation(user, conversationId).id).stream()
                .filter(message -> message.status == MessageStatus.STREAMING)
                .map(message -> message.id)
                .toList();
    }

    /**
     * Stores the person's message and an empty reply, after every check; counts one LLM request.
     *
     * @throws dev.qide.web.InvalidInputException for an empty or too long message, or a provider without a key
     * @throws dev.qide.quota.QuotaExceededException when the day's LLM requests are used up (nothing is stored)
     * @throws dev.qide.ratelimit.RateLimitedException when the person sends too fast (nothing is stored)
     */
    public Sent send(SignedInUser user, UUID conversationId, SendRequest request, String ipAddress) {
        Conversation conversation = conversation(user, conversationId, true);
        SignedInUser actor = actingIn(user, conversation.projectId);
        return store(actor, conversation, request, history(conversation.id), ReplyOptions.DEFAULTS, ipAddress);
    }

    /**
     * Sends one exchange whose history the caller brings (the OpenAI-compatible endpoint: each call carries its
     * whole conversation): a new conversation about no project, titled {@code title}, holding the question ({@code
     * request.content()}, the last user turn) and the reply; {@code history} is sent before the question, and
     * {@code options} may replace the system prompt and lower the reply limit. Same checks and counting as {@link #send}; a
     * refused exchange stores nothing, not even the conversation.
     */
    public Sent sendExchange(
            SignedInUser user,
            String title,
            SendRequest request,
            List<ChatTurn> history,
            ReplyOptions options,
            String ipAddress) {
        Conversation conversation = newConversation(requireChat(user, null), null, clip(title, Conversation.MAX_TITLE));
        return store(user, conversation, request, List.copyOf(history), options, ipAddress);
    }

    private Sent store(
            SignedInUser user,
            Conversation conversation,
            SendRequest request,
            List<ChatTurn> history,
            ReplyOptions options,
            String ipAddress) {
        String content = request.content() == null ? "" : request.content().strip();
        FormErrors errors = new FormErrors();
        if (content.isEmpty()) {
            errors.add("content", "Write a message first.");
        } else if (content.length() > config.maxMessageChars()) {
            errors.add(
                    "content",
                    "A message may have at most " + String.format(Locale.US, "%,d", config.maxMessageChars())
                            + " characters; this one has " + String.format(Locale.US, "%,d", content.length()) + ".");
        }
        List<Candidate> candidates = candidates(user, request, errors);
        errors.throwIfAny();
        rateLimiter.check(RateLimit.CHAT_MESSAGES, user.userId().toString());
        quotas.consume(user.workspaceId(), user.userId(), Meter.LLM_REQUESTS, 1);

        Optional<ContextWindow.Attachment> attachment = attachment(request);
        Instant now = clock.instant();
        int seq = ChatMessage.nextSeq(conversation.id);
        ChatMessage question = newMessage(conversation.id, seq, MessageRole.USER, content, now);
        attachment.ifPresent(a -> {
            question.contextLabel = a.label();
            question.contextText = a.text();
        });
        question.status = MessageStatus.COMPLETE;
        question.persist();
        ChatMessage reply = newMessage(conversation.id, seq + 1, MessageRole.ASSISTANT, "", now);
        reply.status = MessageStatus.STREAMING;
        reply.provider = candidates.get(0).key().provider;
        reply.model = candidates.get(0).model().id();
        reply.persist();
        if (seq == 1 && NEW_TITLE.equals(conversation.title)) {
            conversation.title = title(content);
        }
        conversation.updatedAt = now;
        return new Sent(
                conversation,
                question,
                reply,
                new PreparedReply(reply.id, user, ipAddress, candidates, history, content, attachment, options));
    }

    /**
     * Asks again from {@code messageId}: a reply is regenerated (its question sent again), a person's message is
     * sent again with {@code newContent} when given (edit and resend). That message and everything after it are
     * replaced, in one transaction with the send, so a refused send (quota, no key) loses nothing.
     */
    public Sent resend(
            SignedInUser user, UUID messageId, Optional<String> newContent, SendRequest choice, String ipAddress) {
        ChatMessage question = rewindTo(user, messageId);
        SendRequest request = new SendRequest(
                newContent.orElse(question.content),
                choice.provider(),
                choice.model(),
                question.contextLabel,
                question.contextText);
        return send(user, question.conversationId, request, ipAddress);
    }

    private ChatMessage rewindTo(SignedInUser user, UUID messageId) {
        ChatMessage message = message(user, messageId);
        ChatMessage question = message.role == MessageRole.USER
                ? message
                : ChatMessage.<ChatMessage>find(
                                "conversationId = ?1 and seq < ?2 and role = ?3 order by seq desc",
                                message.conversationId,
                                message.seq,
                                MessageRole.USER)
                        .firstResult();
        if (question == null) {
            throw new HttpProblem(409, "There is no message of yours before this reply to answer again.");
        }
        ChatMessage.delete("conversationId = ?1 and seq >= ?2", question.conversationId, question.seq);
        return question;
    }

    /** A message and its reply, stored, with what the reply needs to be written. */
    public record Sent(Conversation conversation, ChatMessage question, ChatMessage reply, PreparedReply prepared) {}

    private List<Candidate> candidates(SignedInUser user, SendRequest request, FormErrors errors) {
        String providerId =
                request.provider() == null ? "" : request.provider().strip().toLowerCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        Optional<ProviderKey> key = keys.usableKey(user, providerId);
        if (key.isEmpty()) {
            errors.add("provider", keys.noKeyReason(user, providerId));
            return candidates;
        }
        String modelId = request.model() == null || request.model().isBlank()
                ? key.get().defaultModel
                : request.model().strip();
        Optional<LlmModel> model = catalog.model(providerId, modelId);
        if (model.isEmpty()) {
            errors.add("model", catalog.displayName(providerId) + " has no model " + modelId + " here.");
            return candidates;
        }
        candidates.add(new Candidate(key.get(), model.get()));
        Workspace workspace = Workspace.findById(user.workspaceId());
        for (String fallback : workspace.fallbackProviders()) {
            if (fallback.equals(providerId)) {
                continue;
            }
            keys.usableKey(user, fallback)
                    .flatMap(fallbackKey -> catalog.model(fallback, fallbackKey.defaultModel)
                            .map(fallbackModel -> new Candidate(fallbackKey, fallbackModel)))
                    .ifPresent(candidates::add);
        }
        return candidates;
    }

    private static List<ChatTurn> history(UUID conversationId) {
        List<ChatTurn> turns = new ArrayList<>();
        for (ChatMessage message : ChatMessage.of(conversationId)) {
            if (message.role == MessageRole.USER) {
                String text = message.contextText == null
                        ? message.content
                        : new ContextWindow.Attachment(message.contextLabel, message.contextText)
                                .frame(message.content);
                turns.add(new ChatTurn(ChatRole.USER, text));
            } else if (message.status == MessageStatus.COMPLETE && !message.content.isEmpty()) {
                turns.add(new ChatTurn(ChatRole.ASSISTANT, message.content));
            }
        }
        return turns;
    }

    private static Optional<ContextWindow.Attachment> attachment(SendRequest request) {
        if (request.contextText() == null || request.contextText().isBlank()) {
            return Optional.empty();
        }
        String label = request.contextLabel() == null || request.contextLabel().isBlank()
                ? "selection"
                : request.contextLabel().strip();
        label = label.length() > 300 ? label.substring(0, 300) : label;
        String text = request.contextText();
        return Optional.of(new ContextWindow.Attachment(
                label, text.length() > MAX_CONTEXT_CHARS ? text.substring(0, MAX_CONTEXT_CHARS) : text));
    }

    private static ChatMessage newMessage(UUID conversationId, int seq, MessageRole role, String content, Instant now) {
        ChatMessage message = new ChatMessage();
        message.id = UUID.randomUUID();
        message.conversationId = conversationId;
        message.seq = seq;
        message.role = role;
        message.content = content;
        message.createdAt = now;
        message.updatedAt = now;
        return message;
    }

    private Conversation newConversation(SignedInUser user, UUID projectId, String title) {
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.workspaceId = user.workspaceId();
        conversation.userId = user.userId();
        conversation.projectId = projectId;
        conversation.title = title;
        conversation.createdAt = clock.instant();
        conversation.updatedAt = conversation.createdAt;
        conversation.persist();
        return conversation;
    }

    private static String title(String content) {
        return clip(content.lines().findFirst().orElse(NEW_TITLE).strip(), TITLE_LENGTH);
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }
}
