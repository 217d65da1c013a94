package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.qide.quota.Meter;
import dev.qide.quota.QuotaService;
import dev.qide.support.Browser;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The usage page as a person sees it (meters, reset times, the chart), and the API documentation page. */
@QuarkusTest
class UsageBrowserTest extends BrowserTest {

    @Inject
    QuotaService quotas;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void usagePageShowsMetersAndThirtyDaysOfUse() {
        String email = Browser.uniqueEmail("usage");
        Page page = signUp(email, "Usage Person");
        UUID workspace = QuarkusTransaction.requiringNew()
                .call(() -> WorkspaceMember.<WorkspaceMember>find("user.email", email)
                        .firstResult()
                        .workspace
                        .id);
        // Some history: a few days of API calls and LLM requests.
        Workspaces.setPlanOf(email, dev.qide.plan.PlanId.PRO);
        for (int day = 6; day >= 0; day--) {
            clock.reset();
            clock.advance(Duration.ofDays(-day));
            quotas.consume(workspace, null, Meter.API_CALLS, 40 + day * 15);
            quotas.consume(workspace, null, Meter.LLM_REQUESTS, 10 + day * 3);
        }
        clock.reset();

        page.navigate(root + "billing");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Usage and limits"))
                .click();
        page.waitForURL("**/billing/usage");
        assertThat(page.getByTestId("meter-api_calls")).containsText("40");
        assertThat(page.getByTestId("meter-api_calls")).containsText("of 10,000");
        assertThat(page.locator(".meter-card").first()).containsText("Resets in");
        assertThat(page.getByTestId("usage-chart").locator("rect.bar-api")).hasCount(30);
        Chromium.screenshot(page, "20-usage-page");

        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                problems.add(message.text());
            }
        });
        page.navigate(root + "api/docs");
        // Swagger UI builds the page from the OpenAPI document after it loads; slow on a loaded machine.
        assertThat(page.locator(".swagger-ui .info .title"))
                .containsText("Q-IDE platform API", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator(".swagger-ui")).containsText("/api/projects");
        Chromium.screenshot(page, "21-api-docs");
        org.assertj.core.api.Assertions.assertThat(problems)
                .as("console errors")
                .isEmpty();
        page.context().close();
    }
}
