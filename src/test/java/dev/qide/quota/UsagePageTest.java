package dev.qide.quota;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The usage page and {@code GET /api/billing/usage}: every meter with used, limit and reset time. */
@QuarkusTest
class UsagePageTest {

    @Inject
    QuotaService quotas;

    @Test
    void theApiListsEveryMeterWithUsedLimitAndResetTime() {
        Browser browser = Browser.signedUp("Usage Reader");
        UUID workspace = browser.workspaceId();
        quotas.consume(workspace, null, Meter.LLM_REQUESTS, 1);
        browser.api()
                .get("/api/billing/usage")
                .then()
                .statusCode(200)
                .body(
                        "plan", equalTo("FREE"),
                        "meters.meter",
                                equalTo(List.of(
                                        "api_calls",
                                        "llm_requests",
                                        "platform_tokens",
                                        "storage_bytes",
                                        "concurrent_runs",
                                        "api_keys")),
                        "meters.find { it.meter == 'llm_requests' }.used", equalTo(1),
                        "meters.find { it.meter == 'llm_requests' }.limit", equalTo(2),
                        "meters.find { it.meter == 'api_calls' }.limit", equalTo(20),
                        "meters.find { it.meter == 'api_calls' }.resets_at", containsString("T00:00:00Z"),
                        "meters.find { it.meter == 'storage_bytes' }.limit", equalTo(512 * 1024 * 1024),
                        "meters.find { it.meter == 'storage_bytes' }.resets_at", nullValue(),
                        "meters.find { it.meter == 'api_keys' }.limit", equalTo(1));
        new Browser()
                .request()
                .accept("application/json")
                .get("/api/billing/usage")
                .then()
                .statusCode(401);
    }

    @Test
    void thePageShowsMetersResetTimesAndTheChart() {
        Browser browser = Browser.signedUp("Chart Reader");
        quotas.consume(browser.workspaceId(), null, Meter.LLM_REQUESTS, 2);
        browser.get("/billing/usage")
                .then()
                .statusCode(200)
                .body(
                        containsString("LLM requests today"),
                        containsString("data-testid=\"meter-llm_requests\">2 <span"),
                        containsString("of 2</span>"),
                        containsString("Limit reached."),
                        containsString("Resets in "),
                        containsString("<svg class=\"usage-chart\""),
                        containsString("LLM requests (2)"),
                        containsString("512 MB"),
                        not(containsString("style=")));
        browser.htmx().get("/billing/usage").then().body(not(containsString("<!DOCTYPE html>")));
        browser.get("/billing").then().body(containsString("/billing/usage"));
    }

    @Test
    void theDashboardSaysWhenALimitIsReachedAndWhenItComesBack() {
        Browser browser = Browser.signedUp("Banner Reader");
        browser.get("/dashboard").then().body(not(containsString("data-testid=\"limit-banner\"")));
        quotas.consume(browser.workspaceId(), null, Meter.LLM_REQUESTS, 2);
        browser.get("/dashboard")
                .then()
                .body(
                        containsString("data-testid=\"limit-banner\""),
                        containsString("You have used all 2 LLM requests today. More become available in "),
                        containsString("href=\"/pricing\">Upgrade</a>"));
    }
}
