package dev.qide.chat;

/** Who wrote a chat message. */
public enum MessageRole {
    USER,
    ASSISTANT
}
