package dev.qide.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.ChatService;
import dev.qide.chat.reply.ChatReplies;
import dev.qide.chat.reply.ReplyEvent;
import dev.qide.chat.reply.ReplyEventStream;
import dev.qide.chat.reply.ReplyStreams;
import dev.qide.chat.reply.SseOffsets;
import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.web.HttpProblem;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
import java.util.UUID;

/**
 * One chat message as JSON: {@code /api/chat/messages/{id}} to read (or poll) it, {@code /events} to follow a reply
 * as it is written, {@code /stop} to stop it. The events are {@code token} (data {@code {"text": ...}}, id = the
 * reply's length after it, so a reconnect with Last-Event-ID goes on from there), {@code heartbeat}, and a final
 * {@code done} whose data is the finished message.
 */
@Path(ChatMessageApiResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresScope(ApiScope.CHAT)
public class ChatMessageApiResource {

    static final String PATH = "/api/chat/messages";

    private final ChatService chats;
    private final ChatReplies replies;
    private final ReplyStreams streams;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    ChatMessageApiResource(
            ChatService chats, ChatReplies replies, ReplyStreams streams, CurrentUser currentUser, ObjectMapper json) {
        this.chats = chats;
        this.replies = replies;
        this.streams = streams;
        this.currentUser = currentUser;
        this.json = json;
    }

    /** The message; a reply being written here shows its text up to now. */
    @GET
    @Path("{id}")
    public ChatMessageJson get(UUID id) {
        ChatMessage message = chats.message(currentUser.require(), id);
        return streams.liveText(id)
                .map(text -> ChatMessageJson.of(message).withContent(text))
                .orElseGet(() -> ChatMessageJson.of(message));
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> events(
            UUID id,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("from") Integer from,
            @Context Sse sse) {
        chats.message(currentUser.require(), id);
        int offset = SseOffsets.resumeFrom(lastEventId, from);
        return ReplyEventStream.of(streams, id, offset, sse, new ReplyEventStream.Format() {
            @Override
            public String token(String text) {
                return write(Map.of("text", text));
            }

            @Override
            public String heartbeat() {
                return "{}";
            }

            @Override
            public String done(ReplyEvent.Done done) {
                return finished(done);
            }
        });
    }

    /** Stops a reply being written, keeping what it has; answers the message as it ended. */
    @POST
    @Path("{id}/stop")
    public ChatMessageJson stop(UUID id) {
        SignedInUser user = currentUser.require();
        replies.stop(user, id);
        // Read afresh: the reply was ended in a transaction of its own, after this request first read it.
        ChatMessage ended = QuarkusTransaction.requiringNew().call(() -> ChatMessage.findById(id));
        if (ended == null) {
            throw new HttpProblem(404, "That message does not exist.");
        }
        return ChatMessageJson.of(ended);
    }

    private String finished(ReplyEvent.Done done) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                ChatMessage reply = ChatMessage.findById(done.replyId());
                return reply == null
                        ? write(Map.of(
                                "id", done.replyId(), "status", done.status().label()))
                        : write(ChatMessageJson.of(reply));
            });
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not read the end of reply %s", done.replyId());
            return write(Map.of("id", done.replyId(), "status", done.status().label()));
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
