package dev.qide.chat.conversation;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a caller that brings its own conversation (the OpenAI-compatible endpoint) wants the reply: its own system
 * prompt instead of the configured one, and at most so many tokens (never more than the configured limit).
 */
public record ReplyOptions(Optional<String> systemPrompt, OptionalInt maxReplyTokens) {

    /** The configured system prompt and reply limit. */
    public static final ReplyOptions DEFAULTS = new ReplyOptions(Optional.empty(), OptionalInt.empty());

    /** The most tokens the reply may have, given the configured limit. */
    public int maxReplyTokens(int configured) {
        return Math.min(configured, maxReplyTokens.orElse(configured));
    }
}
