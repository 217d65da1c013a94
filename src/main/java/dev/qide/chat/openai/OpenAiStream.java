package dev.qide.chat.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.chat.reply.ReplyEvent;
import dev.qide.chat.reply.ReplyStreams;
import dev.qide.llm.LlmFailure;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a reply as OpenAI streams a completion: {@code data:} lines of {@code chat.completion.chunk}s (the role,
 * the text as it comes, the finish reason, the usage when asked for), then {@code data: [DONE]}. A reply that fails
 * part-way ends with an in-band {@code {"error": ...}} and no [DONE]. A caller that goes away stops the reply.
 */
final class OpenAiStream implements StreamingOutput {

    private final UUID replyId;
    private final String id;
    private final long created;
    private final boolean includeUsage;
    private final OpenAiEventQueue queue;
    private final ReplyEvent first;
    private final Runnable leave;
    private final ReplyStreams streams;
    private final ObjectMapper json;
    private ChatMessage reply;

    OpenAiStream(
            ChatMessage reply,
            String id,
            long created,
            boolean includeUsage,
            OpenAiEventQueue queue,
            ReplyEvent first,
            Runnable leave,
            ReplyStreams streams,
            ObjectMapper json) {
        this.reply = reply;
        this.replyId = reply.id;
        this.id = id;
        this.created = created;
        this.includeUsage = includeUsage;
        this.queue = queue;
        this.first = first;
        this.leave = leave;
        this.streams = streams;
        this.json = json;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try {
            send(out, OpenAiJson.roleChunk(id, created, reply));
            ReplyEvent event = first;
            while (event instanceof ReplyEvent.Text text) {
                send(out, OpenAiJson.contentChunk(id, created, reply, text.text()));
                event = queue.next(OpenAiResource.MAX_SILENCE);
            }
            if (event == null) {
                streams.stop(replyId);
                send(
                        out,
                        OpenAiJson.error("The provider sent nothing for " + OpenAiResource.MAX_SILENCE.toMinutes()
                                + " minutes; the reply was stopped."));
                return;
            }
            finish(out, ((ReplyEvent.Done) event).failure());
        } catch (IOException e) {
            Log.debugf("The caller of reply %s went away; stopping it", replyId);
            streams.stop(replyId, OpenAiResource.CALLER_GONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.stop(replyId);
        } finally {
            leave.run();
        }
    }

    /** The end of the stream; {@code failure} why the reply failed, when it did and that is known. */
    private void finish(OutputStream out, LlmFailure failure) throws IOException {
        reply = QuarkusTransaction.requiringNew().call(() -> ChatMessage.findById(replyId));
        if (reply == null) {
            send(out, OpenAiJson.error("The reply was deleted while it was being written."));
            return;
        }
        if (reply.status == MessageStatus.FAILED) {
            send(
                    out,
                    OpenAiJson.error(OpenAiFailures.error(
                            failure, reply.error == null ? "The provider failed part-way." : reply.error)));
            return;
        }
        send(out, OpenAiJson.finishChunk(id, created, reply));
        if (includeUsage) {
            send(out, OpenAiJson.usageChunk(id, created, reply));
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void send(OutputStream out, ObjectNode chunk) throws IOException {
        out.write(("data: " + json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
