package dev.qide.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API calls made with a key count against the plan's daily quota and rate limit; the answer says which fired. */
@QuarkusTest
@ClockSensitive
class ApiQuotaTest {

    @TestHTTPResource("/api/projects")
    URL projects;

    @Inject
    QuotaService quotas;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoHundredSimultaneousRequestsWithTwentyCallsLeftLetExactlyTwentyThrough() throws Exception {
        Browser owner = Browser.signedUp("Api Loader");
        UUID workspace = owner.workspaceId();
        Workspaces.setPlan(workspace, PlanId.TEAMS); // 100,000 calls a day, 1,000 a minute per key
        String secret = ApiKeys.create(owner, "load test", "projects:read");
        quotas.consume(workspace, null, Meter.API_CALLS, 99_980);

        HttpClient client = HttpClient.newBuilder().build();
        HttpRequest request = HttpRequest.newBuilder(projects.toURI())
                .header("Authorization", "Bearer " + secret)
                .header("Accept", "application/json")
                .GET()
                .build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            responses.add(call.get());
        }
        assertThat(responses)
                .filteredOn(response -> response.statusCode() == 200)
                .hasSize(20);
        List<HttpResponse<String>> refused = responses.stream()
                .filter(response -> response.statusCode() != 200)
                .toList();
        assertThat(refused).hasSize(180).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains("API calls limit reached: 100,000 of 100,000 used today.");
        });
        owner.api()
                .get("/api/billing/usage")
                .then()
                .statusCode(200)
                .body("meters.find { it.meter == 'api_calls' }.used", equalTo(100_000));
    }

    @Test
    void thePlansRateLimitHoldsPerKeyWithRetryAfter() {
        Browser owner = Browser.signedUp("Rate Person"); // Free: 10 requests a minute per key, 20 calls a day
        String secret = ApiKeys.create(owner, "rate", "projects:read");
        clock.stop(); // the minute's window must not refill while a slow machine sends the ten
        for (int i = 0; i < 10; i++) {
            ApiKeys.bearer(secret).get("/api/projects").then().statusCode(200);
        }
        ApiKeys.bearer(secret)
                .get("/api/projects")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("Too many API requests: at most 10 a minute."));
        clock.advance(Duration.ofMinutes(1));
        ApiKeys.bearer(secret).get("/api/projects").then().statusCode(200);
        // The browser's own calls are the product working: neither rate-limited nor counted.
        for (int i = 0; i < 30; i++) {
            owner.api().get("/api/projects").then().statusCode(200);
        }
        owner.api().get("/api/billing/usage").then().body("meters.find { it.meter == 'api_calls' }.used", equalTo(11));
    }

    @Test
    void aKeyNeedsBillingReadForUsage() {
        Browser owner = Browser.signedUp("Scope Person");
        String projectsOnly = ApiKeys.create(owner, "projects", "projects:read");
        ApiKeys.bearer(projectsOnly).get("/api/billing/usage").then().statusCode(403);
    }
}
