package dev.qide.llm;

/** Tokens a reply cost; {@code estimated} when the provider did not report them (a cancelled stream). */
public record LlmUsage(long inputTokens, long outputTokens, boolean estimated) {}
