package dev.qide.llm;

/**
 * The HTTP API a provider speaks; several providers share one (Groq, OpenRouter, Moonshot and Cohere's compatibility
 * API speak OpenAI's, MiniMax Anthropic's).
 */
public enum WireFormat {
    /** {@code POST {base}/chat/completions}, Bearer key, {@code data:} chunks ending with {@code [DONE]}. */
    OPENAI_CHAT,
    /** {@code POST {base}/messages}, {@code x-api-key}, named events ending with {@code message_stop}. */
    ANTHROPIC_MESSAGES,
    /** {@code POST {base}/models/{model}:streamGenerateContent?alt=sse}, {@code x-goog-api-key}. */
    GEMINI
}
