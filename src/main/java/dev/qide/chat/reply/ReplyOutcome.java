package dev.qide.chat.reply;

import dev.qide.chat.conversation.MessageStatus;
import dev.qide.llm.LlmUsage;
import java.math.BigDecimal;

/** How a reply ended, as it is recorded on its message. */
record ReplyOutcome(
        MessageStatus status,
        String content,
        LlmUsage usage,
        BigDecimal cost,
        Long firstTokenMs,
        long durationMs,
        String error,
        String notice) {}
