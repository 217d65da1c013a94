package dev.qide.workspace;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The pages about the current workspace: dashboard, team and billing, as pages and as fragments. */
@QuarkusTest
class WorkspacePagesTest {

    @Test
    void dashboardWelcomesAndShowsTheWorkspaceAndPlanInTheNavigation() {
        Browser browser = Browser.signedUp("Dana Scully");
        browser.get("/dashboard")
                .then()
                .statusCode(200)
                .body(
                        containsString("Welcome, Dana Scully"),
                        containsString("data-testid=\"current-plan\""),
                        containsString("Free"),
                        containsString("No projects yet"),
                        containsString("Send the link again"),
                        containsString("aria-current=\"page\""));
        browser.htmx()
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Welcome, Dana Scully"));
    }

    @Test
    void teamPageListsTheMembersWithTheirRoles() {
        Browser browser = Browser.signedUp("Fox Mulder");
        browser.get("/team")
                .then()
                .statusCode(200)
                .body(
                        containsString("Fox Mulder"),
                        containsString(browser.email()),
                        containsString("Owner"),
                        containsString("come with the Teams and Enterprise plans"));
        browser.htmx()
                .get("/team")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Owner"));
    }

    @Test
    void billingPageShowsThePlanItsLimitsAndThatPaymentsAreNotSetUp() {
        Browser browser = Browser.signedUp("Walter Skinner");
        browser.get("/billing")
                .then()
                .statusCode(200)
                .body(
                        containsString("Free plan"),
                        containsString("LLM requests today"),
                        containsString("Billing is not configured on this server"));
        browser.htmx()
                .get("/billing")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Free plan"));
    }

    @Test
    void homePageWelcomesVisitorsAndSendsSignedInPeopleToTheirDashboard() {
        new Browser().get("/").then().statusCode(200).body(containsString("Code with any model."));
        Browser.signedUp("Returning")
                .request()
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", containsString("/dashboard"));
    }
}
