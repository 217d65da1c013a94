package dev.qide.chat;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.ChatService;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.ModelChoice;
import dev.qide.chat.conversation.SendRequest;
import dev.qide.chat.reply.ChatReplies;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.web.Htmx;
import dev.qide.web.Redirects;
import dev.qide.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The chat pages: {@code /chat} for conversations about no project, and the editor's chat panel for a project's.
 * Sending answers the person's message and the reply that will stream into the page.
 */
@Path(Routes.CHAT)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ChatResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance chat(ChatPage page);

        static native TemplateInstance chat$content(ChatPage page);

        static native TemplateInstance chat$conversation(ChatPage page);

        static native TemplateInstance chat$exchange(MessageView question, MessageView reply, String title);

        static native TemplateInstance chat$message(MessageView view);
    }

    /**
     * A chat view: the person's conversations (of a project, or of none), the open one with its messages and
     * composer; {@code panel} when it is the editor's side panel.
     */
    public record ChatPage(
            SignedInUser user,
            UUID projectId,
            List<Conversation> conversations,
            Conversation open,
            List<MessageView> messages,
            Composer composer,
            boolean panel,
            boolean canSend) {}

    private final ChatService chats;
    private final ChatReplies replies;
    private final ChatViews views;
    private final CurrentUser currentUser;

    ChatResource(ChatService chats, ChatReplies replies, ChatViews views, CurrentUser currentUser) {
        this.chats = chats;
        this.replies = replies;
        this.views = views;
        this.currentUser = currentUser;
    }

    /** The newest conversation about no project, or an empty page that starts one. */
    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        List<Conversation> conversations = chats.conversations(user, null);
        ChatPage page = page(
                user, null, conversations, conversations.stream().findFirst().orElse(null), false);
        return Htmx.wantsFragment(headers) ? Templates.chat$content(page) : Templates.chat(page);
    }

    @GET
    @Path("{conversationId}")
    public TemplateInstance conversation(UUID conversationId, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Conversation open = chats.conversation(user, conversationId);
        ChatPage page = page(user, open.projectId, chats.conversations(user, open.projectId), open, false);
        return Htmx.wantsFragment(headers) ? Templates.chat$content(page) : Templates.chat(page);
    }

    /** The editor's chat panel for a project: its newest conversation, or the one asked for. */
    @GET
    @Path("panel")
    public TemplateInstance panel(
            @QueryParam("project") UUID projectId, @QueryParam("conversation") UUID conversationId) {
        SignedInUser user = currentUser.require();
        if (projectId == null) {
            throw new dev.qide.web.HttpProblem(404, "That project does not exist, or it is not shared with you.");
        }
        List<Conversation> conversations = chats.conversations(user, projectId);
        Conversation open = conversationId == null
                ? conversations.stream().findFirst().orElse(null)
                : chats.conversation(user, conversationId);
        if (open != null && !projectId.equals(open.projectId)) {
            throw new dev.qide.web.HttpProblem(404, ChatService.NOT_FOUND);
        }
        return Templates.chat$conversation(page(user, projectId, conversations, open, true));
    }

    /** Starts a conversation (about the project given, or none) and opens it. */
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(
            @RestForm("project_id") UUID projectId, @RestForm boolean panel, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Conversation conversation = chats.start(user, projectId);
        return opened(user, conversation, panel, headers);
    }

    /** Sends a message; htmx gets the message and the reply to append (the reply streams in by itself). */
    @POST
    @Path("{conversationId}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(
            UUID conversationId,
            @RestForm String content,
            @RestForm("model_choice") String modelChoice,
            @RestForm("context_label") String contextLabel,
            @RestForm("context_text") String contextText,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        SignedInUser user = currentUser.require();
        ModelChoice choice = ModelChoice.parse(modelChoice);
        ChatService.Sent sent = replies.send(
                user,
                conversationId,
                new SendRequest(content, choice.provider(), choice.model(), contextLabel, contextText),
                ClientInfo.of(request).ipAddress());
        if (Htmx.wantsFragment(headers)) {
            // The first message names the conversation: the header follows (out of band).
            String title = sent.question().seq == 1 ? sent.conversation().title : null;
            return Response.ok(Templates.chat$exchange(views.view(sent.question()), views.view(sent.reply()), title))
                    .build();
        }
        return Redirects.to(Routes.CHAT + "/" + conversationId, headers).build();
    }

    @POST
    @Path("{conversationId}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(
            UUID conversationId, @RestForm String title, @RestForm boolean panel, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        return opened(user, chats.rename(user, conversationId, title), panel, headers);
    }

    @POST
    @Path("{conversationId}/clear")
    public Response clear(UUID conversationId, @RestForm boolean panel, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        replies.clear(user, conversationId);
        return opened(user, chats.conversation(user, conversationId), panel, headers);
    }

    @POST
    @Path("{conversationId}/delete")
    public Response delete(UUID conversationId, @RestForm boolean panel, @Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Conversation deleted = replies.delete(user, conversationId);
        List<Conversation> rest = chats.conversations(user, deleted.projectId);
        Conversation next = rest.stream().findFirst().orElse(null);
        if (Htmx.wantsFragment(headers)) {
            ChatPage page = page(user, deleted.projectId, rest, next, panel);
            return Response.ok(panel ? Templates.chat$conversation(page) : Templates.chat$content(page))
                    .build();
        }
        return Redirects.to(Routes.CHAT, headers).build();
    }

    /** The conversation as a file: {@code format=md} (Markdown) or {@code json}. */
    @GET
    @Path("{conversationId}/export")
    @Produces({"text/markdown", MediaType.APPLICATION_JSON})
    public Response export(UUID conversationId, @QueryParam("format") String format) {
        SignedInUser user = currentUser.require();
        Conversation conversation = chats.conversation(user, conversationId);
        List<ChatMessage> messages = chats.messages(user, conversationId);
        boolean json = "json".equalsIgnoreCase(format);
        if (!json && format != null && !format.equalsIgnoreCase("md")) {
            throw new dev.qide.web.HttpProblem(400, "Export as format=md or format=json.");
        }
        String name = "chat-" + conversation.id + (json ? ".json" : ".md");
        return Response.ok(json ? ChatExport.json(conversation, messages) : ChatExport.markdown(conversation, messages))
                .type(json ? MediaType.APPLICATION_JSON + ";charset=UTF-8" : "text/markdown;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private Response opened(SignedInUser user, Conversation conversation, boolean panel, HttpHeaders headers) {
        if (Htmx.wantsFragment(headers)) {
            ChatPage page = page(
                    user,
                    conversation.projectId,
                    chats.conversations(user, conversation.projectId),
                    conversation,
                    panel);
            return Response.ok(panel ? Templates.chat$conversation(page) : Templates.chat$content(page))
                    .build();
        }
        return Redirects.to(
                        conversation.projectId == null
                                ? Routes.CHAT + "/" + conversation.id
                                : Routes.editor(conversation.projectId),
                        headers)
                .build();
    }

    ChatPage page(
            SignedInUser user, UUID projectId, List<Conversation> conversations, Conversation open, boolean panel) {
        List<ChatMessage> messages = open == null ? List.of() : chats.messages(user, open.id);
        SignedInUser actor = chats.actingIn(user, projectId);
        return new ChatPage(
                actor,
                projectId,
                conversations,
                open,
                views.views(messages),
                views.composer(actor, open == null ? null : open.id, messages, projectId != null),
                panel,
                chats.maySend(user, projectId));
    }
}
