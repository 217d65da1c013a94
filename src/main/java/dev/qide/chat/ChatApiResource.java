package dev.qide.chat;

import dev.qide.chat.conversation.ChatService;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.ModelChoice;
import dev.qide.chat.conversation.SendRequest;
import dev.qide.chat.reply.ChatReplies;
import dev.qide.identity.ApiScope;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.web.HttpProblem;
import dev.qide.web.InvalidInputException;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Chat as JSON: {@code /api/chat}. Sending stores the message and an empty reply and answers where its events stream
 * ({@link ChatMessageApiResource}); a project's chat is the person's newest conversation about it.
 */
@Path(ChatApiResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresScope(ApiScope.CHAT)
public class ChatApiResource {

    static final String PATH = "/api/chat";

    /**
     * A message to send: to {@code conversationId}, else to the person's current conversation about {@code
     * projectId} (none: about no project). {@code model} empty means the key's default; {@code provider/model} in
     * {@code model} alone also works.
     */
    public record SendBody(
            UUID projectId,
            UUID conversationId,
            String content,
            String provider,
            String model,
            String contextLabel,
            String contextText) {}

    /** What sending answers: the stored message, the reply that streams, and the address of its events. */
    public record SentJson(UUID conversationId, ChatMessageJson message, ChatMessageJson reply, String streamUrl) {}

    /** A conversation with its messages, oldest first; {@code conversationId} null when there is none yet. */
    public record ConversationJson(UUID conversationId, String title, List<ChatMessageJson> messages) {}

    private final ChatService chats;
    private final ChatReplies replies;
    private final CurrentUser currentUser;

    ChatApiResource(ChatService chats, ChatReplies replies, CurrentUser currentUser) {
        this.chats = chats;
        this.replies = replies;
        this.currentUser = currentUser;
    }

    @POST
    public Response send(SendBody body, @Context HttpServerRequest request) {
        if (body == null) {
            throw InvalidInputException.of("content", "Send a JSON body with content and provider.");
        }
        SignedInUser user = currentUser.require();
        Conversation conversation;
        if (body.conversationId() != null) {
            conversation = chats.conversation(user, body.conversationId());
            if (body.projectId() != null && !body.projectId().equals(conversation.projectId)) {
                throw new HttpProblem(404, ChatService.NOT_FOUND);
            }
        } else {
            conversation = chats.current(user, body.projectId());
        }
        ModelChoice choice = isBlank(body.provider())
                ? ModelChoice.parse(body.model())
                : new ModelChoice(body.provider(), body.model());
        ChatService.Sent sent = replies.send(
                user,
                conversation.id,
                new SendRequest(
                        body.content(), choice.provider(), choice.model(), body.contextLabel(), body.contextText()),
                ClientInfo.of(request).ipAddress());
        String streamUrl = ChatMessageApiResource.PATH + "/" + sent.reply().id + "/events";
        return Response.created(URI.create(ChatMessageApiResource.PATH + "/" + sent.reply().id))
                .entity(new SentJson(
                        conversation.id,
                        ChatMessageJson.of(sent.question()),
                        ChatMessageJson.of(sent.reply()),
                        streamUrl))
                .build();
    }

    /** The person's current (newest) conversation about the project, without starting one. */
    @GET
    @Path("{projectId}")
    public ConversationJson current(UUID projectId) {
        SignedInUser user = currentUser.require();
        return chats.conversations(user, projectId).stream()
                .findFirst()
                .map(conversation -> new ConversationJson(
                        conversation.id,
                        conversation.title,
                        chats.messages(user, conversation.id).stream()
                                .map(ChatMessageJson::of)
                                .toList()))
                .orElse(new ConversationJson(null, null, List.of()));
    }

    /** Deletes one message (a reply still streaming is stopped first). */
    @DELETE
    @Path("{messageId}")
    public Response deleteMessage(UUID messageId) {
        replies.deleteMessage(currentUser.require(), messageId);
        return Response.noContent().build();
    }

    /** Empties the person's current conversation about the project (nothing to do when there is none). */
    @POST
    @Path("{projectId}/clear")
    public Response clear(UUID projectId) {
        SignedInUser user = currentUser.require();
        chats.conversations(user, projectId).stream()
                .findFirst()
                .ifPresent(conversation -> replies.clear(user, conversation.id));
        return Response.noContent().build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
