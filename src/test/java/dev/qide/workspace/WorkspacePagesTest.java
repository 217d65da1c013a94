package dev.qide.workspace;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
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
                        not(containsString("Send the link again")), // signing up proved the address
                        containsString("aria-current=\"page\""));
        browser.htmx()
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Welcome, Dana Scully"));
    }

    @Test
    void teamInTheNavigationLeadsFromThePersonalWorkspaceToTheListOfTeams() {
        Browser browser = Browser.signedUp("Fox Mulder");
        browser.request().get("/team").then().statusCode(303).header("Location", endsWith("/teams"));
        browser.get("/teams")
                .then()
                .statusCode(200)
                .body(containsString("You are not in a team yet"), containsString("Create a team"));
        browser.htmx()
                .get("/teams")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Create a team"));
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
