package dev.qide.chat.conversation;

import dev.qide.byok.ProviderKey;
import dev.qide.identity.SignedInUser;
import dev.qide.llm.ChatTurn;
import dev.qide.llm.LlmModel;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A reply that is stored (empty, streaming) and ready to be asked for: the providers to try in order, and the
 * conversation to send them, and how the caller wants the reply.
 */
public record PreparedReply(
        UUID replyId,
        SignedInUser user,
        String ipAddress,
        List<Candidate> candidates,
        List<ChatTurn> history,
        String question,
        Optional<ContextWindow.Attachment> attachment,
        ReplyOptions options) {

    /** One provider to try: the key that pays and the model to ask. */
    public record Candidate(ProviderKey key, LlmModel model) {}
}
