package dev.qide.llm;

/** One turn of the conversation sent to a model. */
public record ChatTurn(ChatRole role, String text) {}
