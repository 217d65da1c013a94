package dev.qide.byok;

import dev.qide.llm.ProviderEndpoint;
import java.util.UUID;

/** A provider key opened for one use: where to call, as whom, and whose key it is (for the message record). */
public record UnlockedKey(ProviderEndpoint endpoint, UUID keyId, KeyOwner owner, String defaultModel) {}
