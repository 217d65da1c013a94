package dev.qide.chat;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.ChatService;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.MessageRole;
import dev.qide.chat.conversation.ModelChoice;
import dev.qide.chat.conversation.SendRequest;
import dev.qide.chat.reply.ChatReplies;
import dev.qide.chat.reply.ReplyEvent;
import dev.qide.chat.reply.ReplyEventStream;
import dev.qide.chat.reply.ReplyStreams;
import dev.qide.chat.reply.SseOffsets;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.web.Htmx;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One message of the chat pages: its reply stream (SSE), Stop, Regenerate, and edit-and-resend. The stream sends
 * {@code token} events (the text as HTML text, exact to the last CR; id = the reply's length after it, so a reconnect
 * with Last-Event-ID goes on from there), {@code heartbeat}s, and a final {@code done} whose data is the finished
 * message's HTML, as a reload renders it.
 */
@Path(Routes.CHAT + "/messages")
@Authenticated
public class ChatMessageResource {

    private final ChatService chats;
    private final ChatReplies replies;
    private final ReplyStreams streams;
    private final ChatViews views;
    private final CurrentUser currentUser;

    ChatMessageResource(
            ChatService chats, ChatReplies replies, ReplyStreams streams, ChatViews views, CurrentUser currentUser) {
        this.chats = chats;
        this.replies = replies;
        this.streams = streams;
        this.views = views;
        this.currentUser = currentUser;
    }

    @GET
    @Path("{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(
            UUID id,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("from") Integer from,
            @Context Sse sse) {
        chats.message(currentUser.require(), id);
        int offset = SseOffsets.resumeFrom(lastEventId, from);
        String csrfToken = views.csrfToken();
        return ReplyEventStream.of(streams, id, offset, sse, new ReplyEventStream.Format() {
            @Override
            public String token(String text) {
                return MessageTextHtml.escape(text);
            }

            @Override
            public String heartbeat() {
                return "";
            }

            @Override
            public String done(ReplyEvent.Done done) {
                // Markup: the HTML parser reads CRLF and CR as LF anyway, and event data cannot carry CR.
                return renderFinished(done.replyId(), csrfToken)
                        .replace("\r\n", "\n")
                        .replace('\r', '\n');
            }
        });
    }

    @POST
    @Path("{id}/stop")
    public Response stop(UUID id, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        replies.stop(user, id);
        ChatMessage message = chats.message(user, id);
        return Htmx.wantsFragment(headers)
                ? Response.noContent().build()
                : Redirects.to(conversationPage(message.conversationId), headers)
                        .build();
    }

    @POST
    @Path("{id}/regenerate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response regenerate(
            UUID id,
            @RestForm("model_choice") String modelChoice,
            @RestForm boolean panel,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return resend(id, Optional.empty(), modelChoice, panel, headers, request);
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(
            UUID id,
            @RestForm String content,
            @RestForm("model_choice") String modelChoice,
            @RestForm boolean panel,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return resend(id, Optional.ofNullable(content), modelChoice, panel, headers, request);
    }

    private Response resend(
            UUID id,
            Optional<String> content,
            String modelChoice,
            boolean panel,
            HttpHeaders headers,
            HttpServerRequest request) {
        SignedInUser user = currentUser.require();
        ChatMessage message = chats.message(user, id);
        ModelChoice choice = ModelChoice.parse(modelChoice);
        if (choice.provider().isEmpty()) {
            choice = lastChoice(message);
        }
        ChatService.Sent sent = replies.resend(
                user,
                id,
                content,
                new SendRequest(null, choice.provider(), choice.model(), null, null),
                ClientInfo.of(request).ipAddress());
        Conversation conversation = sent.conversation();
        if (Htmx.wantsFragment(headers)) {
            return Response.seeOther(
                            java.net.URI.create(panel ? panelOf(conversation) : conversationPage(conversation.id)))
                    .build();
        }
        return Redirects.to(conversationPage(conversation.id), headers).build();
    }

    /** The provider and model of the reply itself, or of the reply after a person's message. */
    private static ModelChoice lastChoice(ChatMessage message) {
        ChatMessage reply = message.isReply()
                ? message
                : ChatMessage.<ChatMessage>find(
                                "conversationId = ?1 and seq > ?2 and role = ?3 order by seq",
                                message.conversationId,
                                message.seq,
                                MessageRole.ASSISTANT)
                        .firstResult();
        return reply == null || reply.provider == null
                ? new ModelChoice("", "")
                : new ModelChoice(reply.provider, reply.model);
    }

    private static String panelOf(Conversation conversation) {
        return conversation.projectId == null
                ? conversationPage(conversation.id)
                : Routes.CHAT + "/panel?project=" + conversation.projectId + "&conversation=" + conversation.id;
    }

    private static String conversationPage(UUID conversationId) {
        return Routes.CHAT + "/" + conversationId;
    }

    private String renderFinished(UUID replyId, String csrfToken) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                ChatMessage reply = ChatMessage.findById(replyId);
                return reply == null
                        ? ""
                        : ChatResource.Templates.chat$message(views.view(reply, csrfToken))
                                .render();
            });
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not render the end of reply %s", replyId);
            return "<p class=\"text-danger small\">The reply ended; reload the page to see it.</p>";
        }
    }
}
