package dev.qide.chat.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.qide.chat.ChatTestSupport;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.quota.Meter;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A provider's failure reaches a {@code /v1} caller with the status an OpenAI client acts on: permanent ones (bad
 * provider key, no credit, a refused request) with a status OpenAI's SDKs do not retry, passing ones (rate limited,
 * down) with one they retry, the upstream's Retry-After passed on; in OpenAI's error shape, streamed or not.
 */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiFailureStatusTest {

    private static final String OPENAI_KEY = "sk-test-openai-status-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeLlmServer upstream;
    private Browser alice;
    private String chatKey;

    /** One failure of the upstream and what a {@code /v1} caller must get for it. */
    record Failure(String name, FakeReply upstream, int status, String type, String code, boolean permanent) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Failure> failures() {
        return Stream.of(
                new Failure(
                        "bad provider key",
                        FakeReply.error(401, "openai-error-401-invalid-api-key.json"),
                        401,
                        "authentication_error",
                        "invalid_provider_key",
                        true),
                new Failure(
                        "no credit",
                        FakeReply.error(429, "openai-error-429-insufficient-quota.json"),
                        402,
                        "insufficient_quota",
                        "insufficient_quota",
                        true),
                new Failure(
                        "bad request",
                        FakeReply.errorJson(
                                400,
                                """
                        {"error": {"message": "Invalid value for 'messages[0].name': must match ^[a-zA-Z0-9_-]+$.",
                         "type": "invalid_request_error", "param": "messages[0].name", "code": "invalid_value"}}"""),
                        400,
                        "invalid_request_error",
                        "provider_rejected_request",
                        true),
                new Failure(
                        "context too long",
                        FakeReply.errorJson(
                                400,
                                """
                        {"error": {"message": "This model's maximum context length is 128000 tokens.",
                         "type": "invalid_request_error", "param": "messages", "code": "context_length_exceeded"}}"""),
                        400,
                        "invalid_request_error",
                        "context_length_exceeded",
                        true),
                new Failure(
                        "model gone upstream",
                        FakeReply.errorJson(
                                404,
                                """
                        {"error": {"message": "The model `gpt-4o-mini` does not exist or you do not have access to it.",
                         "type": "invalid_request_error", "param": null, "code": "model_not_found"}}"""),
                        404,
                        "invalid_request_error",
                        "model_not_found",
                        true),
                new Failure(
                        "rate limited",
                        FakeReply.error(429, "openai-error-429-rate-limit.json").header("Retry-After", "7"),
                        429,
                        "rate_limit_error",
                        "rate_limit_exceeded",
                        false),
                new Failure(
                        "upstream 5xx",
                        FakeReply.errorJson(
                                500,
                                """
                        {"error": {"message": "The server had an error while processing your request. Sorry about that!",
                         "type": "server_error", "param": null, "code": null}}"""),
                        503,
                        "upstream_error",
                        "provider_overloaded",
                        false),
                new Failure(
                        "upstream connection broken",
                        FakeReply.text("never arrives", 3).cutAfter(0),
                        502,
                        "upstream_error",
                        "provider_unreachable",
                        false));
    }

    /** Once for the class; in a @BeforeEach, as RestAssured knows the test port only then. */
    private void signUpOnce() {
        if (alice != null) {
            return;
        }
        alice = Browser.signedUp("Alice Status");
        Workspaces.setPlan(alice.workspaceId(), PlanId.PRO);
        ChatTestSupport.addKey(alice, "openai", OPENAI_KEY, "gpt-4o-mini");
        chatKey = ApiKeys.create(alice, "status-bot", "chat");
    }

    @BeforeEach
    void setUp() {
        signUpOnce();
        upstream = FakeLlmResource.server();
        upstream.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachFailureHasItsStatusStreamedOrNot(Failure failure) throws Exception {
        for (boolean stream : List.of(false, true)) {
            upstream.reset();
            upstream.script("openai", failure.upstream());

            HttpResponse<String> response = post(stream);

            String what = failure.name() + (stream ? ", streamed" : "");
            assertThat(response.statusCode()).as(what).isEqualTo(failure.status());
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("type").asText()).as(what).isEqualTo(failure.type());
            assertThat(error.path("code").asText()).as(what).isEqualTo(failure.code());
            assertThat(error.has("param")).as(what).isTrue();
            assertThat(error.path("param").isNull()).as(what).isTrue();
            assertThat(error.path("message").asText()).as(what).isNotBlank().doesNotContain(OPENAI_KEY);
            assertThat(response.headers().firstValue("x-should-retry"))
                    .as(what)
                    .isEqualTo(failure.permanent() ? Optional.of("false") : Optional.empty());
            if (failure.status() == 429) {
                assertThat(response.headers().firstValue("Retry-After"))
                        .as(what + ": the upstream's Retry-After")
                        .contains("7");
            }
            assertThat(upstream.requests()).as(what).hasSize(1);
        }
    }

    @Test
    void permanentFailuresCostOneUpstreamCallAndOneLlmRequestThroughTheSdk() {
        OpenAIClient sdk = OpenAIOkHttpClient.builder()
                .baseUrl(base())
                .apiKey(chatKey)
                .maxRetries(2) // the SDK's default
                .timeout(Duration.ofSeconds(20))
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("openai/gpt-4o-mini")
                .addUserMessage("Will this be retried?")
                .build();
        for (Failure failure : failures().filter(Failure::permanent).toList()) {
            for (boolean stream : List.of(false, true)) {
                String what = failure.name() + (stream ? ", streamed" : "");
                upstream.reset();
                upstream.script("openai", failure.upstream());
                long llmBefore = Workspaces.used(alice.workspaceId(), Meter.LLM_REQUESTS);

                OpenAIServiceException refused = catchThrowableOfType(OpenAIServiceException.class, () -> {
                    if (stream) {
                        try (StreamResponse<ChatCompletionChunk> chunks =
                                sdk.chat().completions().createStreaming(params)) {
                            chunks.stream().forEach(chunk -> {});
                        }
                    } else {
                        sdk.chat().completions().create(params);
                    }
                });

                assertThat(refused).as(what).isNotNull();
                assertThat(refused.statusCode()).as(what).isEqualTo(failure.status());
                assertThat(upstream.requests()).as(what + ": not retried").hasSize(1);
                assertThat(Workspaces.used(alice.workspaceId(), Meter.LLM_REQUESTS) - llmBefore)
                        .as(what + ": LLM requests counted")
                        .isEqualTo(1);
            }
        }
    }

    private HttpResponse<String> post(boolean stream) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/chat/completions"))
                            .header("Authorization", "Bearer " + chatKey)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"openai/gpt-4o-mini\",\"stream\":"
                                    + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Fail, please\"}]}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port + "/v1";
    }
}
