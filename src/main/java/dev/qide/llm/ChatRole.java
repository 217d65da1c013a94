package dev.qide.llm;

/** Who said a turn of a conversation sent to a model. */
public enum ChatRole {
    SYSTEM,
    USER,
    ASSISTANT
}
