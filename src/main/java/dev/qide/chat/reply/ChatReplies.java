package dev.qide.chat.reply;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.ChatService;
import dev.qide.chat.conversation.ChatService.Sent;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.chat.conversation.ReplyOptions;
import dev.qide.chat.conversation.SendRequest;
import dev.qide.identity.SignedInUser;
import dev.qide.llm.ChatTurn;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What pages and APIs call to chat: each action stores its change (ChatService, committed) and then starts or stops
 * the replies concerned (ReplyStreams), in that order, so a reply is only asked for once its message is saved.
 */
@ApplicationScoped
public class ChatReplies {

    private final ChatService chats;
    private final ReplyStreams streams;

    ChatReplies(ChatService chats, ReplyStreams streams) {
        this.chats = chats;
        this.streams = streams;
    }

    public Sent send(SignedInUser user, UUID conversationId, SendRequest request, String ipAddress) {
        Sent sent = chats.send(user, conversationId, request, ipAddress);
        streams.start(sent.prepared());
        return sent;
    }

    /**
     * Sends one exchange with the history the caller brings, in a new conversation (see ChatService), and reads its
     * reply with {@code reader} from before the provider is asked, so the reader hears how it ends, however soon.
     */
    public Exchange sendExchange(
            SignedInUser user,
            String title,
            SendRequest request,
            List<ChatTurn> history,
            ReplyOptions options,
            String ipAddress,
            Consumer<ReplyEvent> reader) {
        Sent sent = chats.sendExchange(user, title, request, history, options, ipAddress);
        Runnable leave = streams.startReading(sent.prepared(), reader);
        return new Exchange(sent, leave);
    }

    /** An exchange sent, and how its reader stops reading. */
    public record Exchange(Sent sent, Runnable leave) {}

    /** Regenerates a reply, or sends a person's message again (edited when {@code newContent} is given). */
    public Sent resend(
            SignedInUser user, UUID messageId, Optional<String> newContent, SendRequest choice, String ipAddress) {
        ChatMessage message = chats.message(user, messageId);
        chats.streamingReplies(user, message.conversationId).forEach(streams::stop);
        Sent sent = chats.resend(user, messageId, newContent, choice, ipAddress);
        streams.start(sent.prepared());
        return sent;
    }

    /** Stops a reply being written; false when it had already ended. */
    public boolean stop(SignedInUser user, UUID replyId) {
        chats.message(user, replyId);
        return streams.stop(replyId);
    }

    public Conversation delete(SignedInUser user, UUID conversationId) {
        chats.streamingReplies(user, conversationId).forEach(streams::stop);
        return chats.delete(user, conversationId);
    }

    public void clear(SignedInUser user, UUID conversationId) {
        chats.streamingReplies(user, conversationId).forEach(streams::stop);
        chats.clear(user, conversationId);
    }

    public ChatMessage deleteMessage(SignedInUser user, UUID messageId) {
        ChatMessage message = chats.message(user, messageId);
        if (message.status == MessageStatus.STREAMING) {
            streams.stop(messageId);
        }
        return chats.deleteMessage(user, messageId);
    }
}
