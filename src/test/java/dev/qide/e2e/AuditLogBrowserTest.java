package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.qide.audit.AuditLog;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.TeamActions;
import dev.qide.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A team owner reads the audit log, narrows it with the filter form (htmx), and finds the export link. */
@QuarkusTest
class AuditLogBrowserTest extends BrowserTest {

    @Inject
    TeamActions teams;

    @Inject
    AuditLog auditLog;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOwnerFiltersTheLogAndExportsWhatTheySee() {
        Browser owner = Browser.signedUp("Audit Owner");
        Browser admin = Browser.signedUp("Audit Admin");
        UUID team = teams.create(owner, "Audited Team", PlanId.TEAMS);
        teams.add(team, admin, WorkspaceRole.ADMIN);
        write(team, admin, Duration.ofDays(3), "member.role_changed", "pat@example.test", "Editor -> Viewer");
        write(team, owner, Duration.ofDays(2), "team.renamed", "team Audited Team", "'Audit' -> 'Audited Team'");
        write(team, admin, Duration.ofDays(1), "member.removed", "sam@example.test", "Viewer");

        Page page = chromium.newPage();
        page.navigate(root + "login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(dev.qide.support.Passwords.STRONG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/dashboard");

        page.navigate(root + "teams/" + team + "/audit");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log")))
                .isVisible();
        assertThat(page.getByTestId("audit-table").locator("tbody tr")).hasCount(4);
        Chromium.screenshot(page, "30-audit-log");

        page.getByLabel("Who").selectOption(admin.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        page.waitForURL("**/audit?actor=*");
        assertThat(page.getByTestId("audit-table").locator("tbody tr")).hasCount(2);
        assertThat(page.getByTestId("audit-matching")).hasText("2 records match.");
        assertThat(page.getByLabel("Who")).hasValue(admin.email());
        assertThat(page.getByTestId("audit-export"))
                .hasAttribute(
                        "href",
                        "/teams/" + team + "/audit.csv?actor="
                                + java.net.URLEncoder.encode(admin.email(), java.nio.charset.StandardCharsets.UTF_8));
        Chromium.screenshot(page, "31-audit-log-filtered");

        page.getByLabel("From (UTC day)").fill("2026-12-31");
        page.getByLabel("To (UTC day)").fill("2026-01-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(page.getByText("The end date 2026-01-01 is before the start date 2026-12-31."))
                .isVisible();
        Chromium.screenshot(page, "32-audit-log-bad-dates");
        page.context().close();
    }

    private void write(UUID team, Browser actor, Duration ago, String action, String target, String detail) {
        clock.set(clock.instant().minus(ago));
        try {
            QuarkusTransaction.requiringNew()
                    .run(() ->
                            auditLog.record(TeamActions.signedIn(actor), team, action, target, detail, "203.0.113.20"));
        } finally {
            clock.reset();
        }
    }
}
