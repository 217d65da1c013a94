package dev.qide.chat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qide.byok.ProviderKeyService;
import dev.qide.byok.ProviderKeyService.UsableProvider;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.chat.conversation.ReplyOptions;
import dev.qide.chat.conversation.SendRequest;
import dev.qide.chat.reply.ChatReplies;
import dev.qide.chat.reply.ReplyEvent;
import dev.qide.chat.reply.ReplyStreams;
import dev.qide.identity.ApiKeyPrincipal;
import dev.qide.identity.ApiScope;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.llm.LlmCatalog;
import dev.qide.llm.LlmFailure;
import dev.qide.llm.LlmModel;
import dev.qide.web.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The OpenAI-compatible API for API keys with the {@code chat} scope: {@code POST /v1/chat/completions} (streamed
 * or not) and {@code GET /v1/models}. {@code model} is {@code provider/model}; each call goes through the same BYOK
 * keys, quota (one LLM request), rate limit and fallback order as the chat pages, and is recorded as a conversation
 * of its own (OpenAI's API is stateless: every call carries its whole history, and calls of one key in parallel do
 * not contend for one conversation). Errors are OpenAI-shaped ({@code dev.qide.web.OpenAiError}); a provider's failure
 * is answered with the status an OpenAI client acts on ({@link OpenAiFailures}), and a caller that hangs up stops its
 * reply at once.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresScope(ApiScope.CHAT)
public class OpenAiResource {

    /** The longest a reply may stay silent before it is given up. */
    static final Duration MAX_SILENCE = Duration.ofMinutes(5);

    /** The notice on a reply stopped because its caller went away. */
    static final String CALLER_GONE = "Stopped because the API caller disconnected.";

    private static final String EVENT_STREAM = "text/event-stream";

    private final ChatReplies replies;
    private final ReplyStreams streams;
    private final ProviderKeyService keys;
    private final LlmCatalog catalog;
    private final CurrentUser currentUser;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Clock clock;

    OpenAiResource(
            ChatReplies replies,
            ReplyStreams streams,
            ProviderKeyService keys,
            LlmCatalog catalog,
            CurrentUser currentUser,
            SecurityIdentity identity,
            ObjectMapper json,
            Clock clock) {
        this.replies = replies;
        this.streams = streams;
        this.keys = keys;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
    }

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, EVENT_STREAM})
    @RunOnVirtualThread
    public Response completions(JsonNode body, @Context HttpServerRequest request) throws InterruptedException {
        OpenAiChatRequest call = OpenAiChatRequest.parse(body);
        SignedInUser user = currentUser.require();
        requireModel(user, call);
        OpenAiEventQueue queue = new OpenAiEventQueue();
        ChatReplies.Exchange exchange = replies.sendExchange(
                user,
                title(call.question()),
                new SendRequest(call.question(), call.provider(), call.providerModel(), null, null),
                call.history(),
                new ReplyOptions(call.systemPrompt(), call.maxTokens()),
                ClientInfo.of(request).ipAddress(),
                queue);
        UUID replyId = exchange.sent().reply().id;
        String id = "chatcmpl-" + replyId;
        long created = clock.instant().getEpochSecond();
        Runnable leave = exchange.leave();
        stopWhenCallerLeaves(request.response(), replyId);
        boolean handedOver = false;
        try {
            ReplyEvent event = next(queue, replyId);
            if (call.stream() && event instanceof ReplyEvent.Text) {
                handedOver = true;
                return Response.ok(new OpenAiStream(
                                reload(replyId), id, created, call.includeUsage(), queue, event, leave, streams, json))
                        .type(EVENT_STREAM)
                        .header("Cache-Control", "no-cache")
                        .header("X-Accel-Buffering", "no")
                        .build();
            }
            while (event instanceof ReplyEvent.Text) {
                event = next(queue, replyId);
            }
            ChatMessage reply = reload(replyId);
            if (reply.status == MessageStatus.FAILED) {
                LlmFailure failure = event instanceof ReplyEvent.Done done ? done.failure() : null;
                return OpenAiFailures.response(failure, reply.error == null ? "The provider failed." : reply.error);
            }
            if (call.stream()) {
                // Ended before any text (stopped, or an empty answer): a stream of its role and end only.
                handedOver = true;
                return Response.ok(new OpenAiStream(
                                reply, id, created, call.includeUsage(), queue, event, leave, streams, json))
                        .type(EVENT_STREAM)
                        .build();
            }
            return Response.ok(OpenAiJson.completion(id, created, reply)).build();
        } finally {
            if (!handedOver) {
                leave.run();
            }
        }
    }

    /**
     * A caller that hangs up stops its reply at once: nobody will read the rest, and it would go on running on the
     * person's own key. (The stop may write to the database, so it leaves the event loop that reports the close.)
     */
    private void stopWhenCallerLeaves(HttpServerResponse response, UUID replyId) {
        response.closeHandler(
                closed -> Thread.ofVirtual().name("v1-caller-gone").start(() -> streams.stop(replyId, CALLER_GONE)));
        if (response.closed()) {
            streams.stop(replyId, CALLER_GONE);
        }
    }

    /** The models the caller can use here: every listed model of each provider they have a key for. */
    @GET
    @Path("models")
    public ObjectNode models() {
        SignedInUser user = currentUser.require();
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        for (UsableProvider usable : keys.usableProviders(user)) {
            Set<String> ids = new LinkedHashSet<>();
            usable.provider().models().stream().map(LlmModel::id).forEach(ids::add);
            if (usable.key().defaultModel != null) {
                ids.add(usable.key().defaultModel);
            }
            for (String model : ids) {
                ObjectNode entry = data.addObject();
                entry.put("id", usable.provider().id() + "/" + model);
                entry.put("object", "model");
                entry.put("created", usable.key().createdAt.getEpochSecond());
                entry.put("owned_by", usable.provider().id());
            }
        }
        return list;
    }

    /** 404, as OpenAI answers, for a model the caller cannot use: unknown, or no key for its provider here. */
    private void requireModel(SignedInUser user, OpenAiChatRequest call) {
        String unknown = "The model '" + call.model() + "' does not exist or there is no key for it here. Name it"
                + " provider/model, such as openai/gpt-4o-mini; GET /v1/models lists what you can use.";
        if (call.providerModel().isEmpty()) {
            throw new HttpProblem(404, unknown);
        }
        keys.usableKey(user, call.provider())
                .flatMap(key -> catalog.model(call.provider(), call.providerModel()))
                .orElseThrow(() -> new HttpProblem(404, unknown));
    }

    /** The next text or end of the reply; a reply silent for too long is stopped (504). */
    private ReplyEvent next(OpenAiEventQueue queue, UUID replyId) throws InterruptedException {
        ReplyEvent event = queue.next(MAX_SILENCE);
        if (event == null) {
            streams.stop(replyId);
            throw new HttpProblem(
                    504,
                    "The provider sent nothing for " + MAX_SILENCE.toMinutes() + " minutes; the reply was stopped.");
        }
        return event;
    }

    private static ChatMessage reload(UUID replyId) {
        ChatMessage reply = QuarkusTransaction.requiringNew().call(() -> ChatMessage.findById(replyId));
        if (reply == null) {
            throw new HttpProblem(404, "The reply was deleted while it was being written.");
        }
        return reply;
    }

    /** "API key ci-bot: How do I ...", so the calls are recognisable among the person's conversations. */
    private String title(String question) {
        ApiKeyPrincipal principal = identity.getAttribute(ApiKeyPrincipal.ATTRIBUTE);
        String who = principal == null ? "API" : "API key " + principal.name();
        String line = question.strip().lines().findFirst().orElse("");
        return who + ": " + line;
    }
}
