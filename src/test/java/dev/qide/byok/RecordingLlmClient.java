package dev.qide.byok;

import dev.qide.llm.LlmClient;
import dev.qide.llm.LlmFailure;
import dev.qide.llm.LlmRequest;
import dev.qide.llm.LlmStream;
import dev.qide.llm.LlmStreamListener;
import dev.qide.llm.ProviderEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For tests whose endpoints are on public addresses, which no test may connect to: records the endpoint each
 * connection check would have called (and answers that it works) instead of calling it. Selected per test profile.
 */
@Alternative
@ApplicationScoped
public class RecordingLlmClient implements LlmClient {

    private final List<ProviderEndpoint> checked = new CopyOnWriteArrayList<>();

    /** The endpoints checked, in order. */
    public List<ProviderEndpoint> checked() {
        return List.copyOf(checked);
    }

    public void reset() {
        checked.clear();
    }

    @Override
    public void check(ProviderEndpoint endpoint, String model) {
        checked.add(endpoint);
    }

    @Override
    public LlmStream stream(LlmRequest request, LlmStreamListener listener) {
        throw new LlmFailure(LlmFailure.Kind.BAD_REQUEST, "This test client only records connection checks.");
    }
}
