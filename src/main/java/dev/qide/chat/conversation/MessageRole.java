package dev.qide.chat.conversation;

/** Who wrote a chat message. */
public enum MessageRole {
    USER,
    ASSISTANT
}
