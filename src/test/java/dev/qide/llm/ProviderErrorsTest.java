package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.llm.LlmFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How provider answers that no recorded fixture covers map to failure kinds, and that messages stay safe. */
class ProviderErrorsTest {

    private static final String KEY = "sk-proj-SECRETSECRETSECRET1234";
    private final ProviderErrors errors =
            new ProviderErrors("OpenAI", "gpt-4o", new ProviderEndpoint("openai", "https://api.openai.com/v1", KEY));

    @Test
    void statusesWithoutARecognisedBodyMapByStatus() {
        assertThat(errors.fromStatus(401, "").kind()).isEqualTo(Kind.BAD_KEY);
        assertThat(errors.fromStatus(403, "<html>Forbidden</html>").kind()).isEqualTo(Kind.BAD_KEY);
        assertThat(errors.fromStatus(402, "{}").kind()).isEqualTo(Kind.NO_CREDIT);
        assertThat(errors.fromStatus(404, "").kind()).isEqualTo(Kind.MODEL_NOT_AVAILABLE);
        assertThat(errors.fromStatus(408, "").kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(errors.fromStatus(429, "").kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(errors.fromStatus(422, "").kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(errors.fromStatus(500, "").kind()).isEqualTo(Kind.OVERLOADED);
        assertThat(errors.fromStatus(503, "upstream connect error").kind()).isEqualTo(Kind.OVERLOADED);
        assertThat(errors.fromStatus(529, "").kind()).isEqualTo(Kind.OVERLOADED);
    }

    @Test
    void providerSpecificBodiesWin() {
        // Anthropic: no credit is a 400 with this message
        assertThat(errors.fromStatus(
                                400,
                                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Your"
                                        + " credit balance is too low to access the Anthropic API.\"}}")
                        .kind())
                .isEqualTo(Kind.NO_CREDIT);
        // Gemini: an unknown model, and a quota
        assertThat(errors.fromStatus(
                                404,
                                "{\"error\":{\"code\":404,\"message\":\"models/gemini-9 is not found\","
                                        + "\"status\":\"NOT_FOUND\"}}")
                        .kind())
                .isEqualTo(Kind.MODEL_NOT_AVAILABLE);
        assertThat(errors.fromStatus(
                                429,
                                "{\"error\":{\"code\":429,\"message\":\"Quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
                        .kind())
                .isEqualTo(Kind.RATE_LIMITED);
        // Cohere: {"message": ...}
        assertThat(errors.fromStatus(401, "{\"id\":\"x\",\"message\":\"invalid api token\"}")
                        .kind())
                .isEqualTo(Kind.BAD_KEY);
    }

    @Test
    void anInBandErrorTakesItsStatusFromTheCode() {
        assertThat(errors.fromEvent(
                                FakeJson.parse("{\"error\":{\"code\":502,\"message\":\"Network connection lost.\"}}"))
                        .kind())
                .isEqualTo(Kind.OVERLOADED);
        assertThat(errors.fromEvent(FakeJson.parse("{\"error\":{\"message\":\"Something odd\"}}"))
                        .kind())
                .isEqualTo(Kind.PROVIDER_ERROR);
    }

    @Test
    void connectionProblemsAreUnreachableOrTimeout() {
        assertThat(errors.fromThrowable(new ConnectException("Connection refused"))
                        .kind())
                .isEqualTo(Kind.UNREACHABLE);
        assertThat(errors.fromThrowable(new IOException(new UnknownHostException("api.openai.com")))
                        .kind())
                .isEqualTo(Kind.UNREACHABLE);
        assertThat(errors.fromThrowable(new HttpTimeoutException("request timed out"))
                        .kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(errors.fromThrowable(new IOException("EOF reached while reading"))
                        .kind())
                .isEqualTo(Kind.UNREACHABLE);
        assertThat(errors.fromThrowable(new IllegalStateException("cannot parse"))
                        .kind())
                .isEqualTo(Kind.PROVIDER_ERROR);
    }

    @Test
    void aProviderMessageEchoingTheKeyIsShownWithoutIt() {
        LlmFailure failure = errors.fromStatus(
                400,
                "{\"error\":{\"message\":\"Bad header Authorization: Bearer " + KEY + " and key AIzaSyA1234567890abcdef"
                        + "\",\"type\":\"invalid_request_error\"}}");

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.getMessage())
                .doesNotContain(KEY)
                .doesNotContain("SECRET")
                .doesNotContain("AIzaSy");
        assertThat(failure.getMessage()).contains("Bad header Authorization");
    }

    @Test
    void aProviderMessageQuotingPartOfTheKeyIsShownWithoutThatPart() {
        LlmFailure withoutPrefix = errors.fromStatus(
                400, "{\"error\":{\"message\":\"Project proj-SECRETSECRET may not call this endpoint.\"}}");
        LlmFailure middle = errors.fromEvent(FakeJson.parse(
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Key ETSECRET1"
                        + " is not allowed here.\"}}"));

        assertThat(withoutPrefix.getMessage())
                .contains("Project … may not call this endpoint.")
                .doesNotContain("SECRET");
        assertThat(middle.getMessage()).contains("Key … is not allowed here.").doesNotContain("SECRET");
    }

    @Test
    void aRetryAfterIsKeptForFailuresThatPassOnly() {
        assertThat(errors.fromStatus(429, "", Optional.of(Duration.ofSeconds(7)))
                        .retryAfter())
                .contains(Duration.ofSeconds(7));
        assertThat(errors.fromStatus(401, "", Optional.of(Duration.ofSeconds(7)))
                        .retryAfter())
                .isEmpty();
    }

    @Test
    void aLongProviderMessageIsCutShort() {
        LlmFailure failure = errors.fromStatus(400, "{\"error\":{\"message\":\"" + "x ".repeat(500) + "\"}}");

        assertThat(failure.getMessage()).hasSizeLessThan(250);
    }
}
