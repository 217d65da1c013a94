package dev.qide.chat.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.llm.LlmFailure.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind of provider failure gets a status that OpenAI's SDKs retry exactly when trying again may work: they
 * retry 408, 409, 429 and 5xx.
 */
class OpenAiFailuresTest {

    private static final Set<Integer> RETRIED_4XX = Set.of(408, 409, 429);

    @Test
    void permanentFailuresGetA4xxThatIsNotRetriedAndPassingOnesOneThatIs() {
        for (Kind kind : Kind.values()) {
            int status = OpenAiFailures.answer(kind).status();
            boolean retried = status >= 500 || RETRIED_4XX.contains(status);
            assertThat(retried).as(kind + " → " + status).isEqualTo(kind.isTransient());
        }
    }

    @Test
    void theStatusesAreTheOnesAnOpenAiClientKnows() {
        assertThat(OpenAiFailures.answer(Kind.BAD_KEY).status()).isEqualTo(401);
        assertThat(OpenAiFailures.answer(Kind.NO_CREDIT).status()).isEqualTo(402);
        assertThat(OpenAiFailures.answer(Kind.NO_CREDIT).code()).isEqualTo("insufficient_quota");
        assertThat(OpenAiFailures.answer(Kind.BAD_REQUEST).status()).isEqualTo(400);
        assertThat(OpenAiFailures.answer(Kind.CONTEXT_TOO_LONG).code()).isEqualTo("context_length_exceeded");
        assertThat(OpenAiFailures.answer(Kind.MODEL_NOT_AVAILABLE).status()).isEqualTo(404);
        assertThat(OpenAiFailures.answer(Kind.RATE_LIMITED).status()).isEqualTo(429);
        assertThat(OpenAiFailures.answer(Kind.OVERLOADED).status()).isEqualTo(503);
        assertThat(OpenAiFailures.answer(Kind.UNREACHABLE).status()).isEqualTo(502);
        assertThat(OpenAiFailures.answer(Kind.TIMEOUT).status()).isEqualTo(504);
        assertThat(OpenAiFailures.answer(Kind.PROVIDER_ERROR).status()).isEqualTo(502);
    }
}
