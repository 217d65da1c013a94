package dev.qide.byok;

import dev.qide.llm.LlmModel;
import dev.qide.llm.LlmProvider;
import java.util.List;

/** A provider in the key form's list: whether the workspace's plan allows it, and its models. */
public record ProviderChoice(LlmProvider provider, boolean allowed) {

    public List<LlmModel> models() {
        return provider.models();
    }
}
