package dev.qide.chat.reply;

import dev.qide.chat.conversation.MessageStatus;
import dev.qide.llm.LlmFailure;
import java.util.UUID;

/** What a reader of a streaming reply hears. */
public sealed interface ReplyEvent {

    /** More text; {@code end} is the reply's length in characters after it (the SSE event id, for resuming). */
    record Text(String text, int end) implements ReplyEvent {}

    /** Nothing new; keeps proxies from closing an idle stream. */
    record Heartbeat() implements ReplyEvent {}

    /**
     * The reply ended (complete, cancelled or failed); read the message for the rest. {@code failure} says why a reply
     * failed, for a reader in the process that wrote it (so an API caller gets the right status); null otherwise.
     */
    record Done(UUID replyId, MessageStatus status, LlmFailure failure) implements ReplyEvent {

        public Done(UUID replyId, MessageStatus status) {
            this(replyId, status, null);
        }
    }
}
