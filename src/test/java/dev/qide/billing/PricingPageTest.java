package dev.qide.billing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PricingPageTest {

    @Test
    void showsAllFivePlansWithTheCatalogsFiguresToAnyone() {
        new Browser()
                .get("/pricing")
                .then()
                .statusCode(200)
                .body(
                        containsString("<!DOCTYPE html>"),
                        containsString("data-testid=\"plan-FREE\""),
                        containsString("data-testid=\"plan-PRO\""),
                        containsString("data-testid=\"plan-PRO_PLUS\""),
                        containsString("data-testid=\"plan-TEAMS\""),
                        containsString("data-testid=\"plan-ENTERPRISE\""),
                        containsString("10,000"),
                        containsString("100,000"),
                        containsString("0.5 GB"),
                        containsString("250 GB"),
                        containsString("1 TB"),
                        containsString("10 TB"),
                        containsString("5–100"),
                        containsString("Forever"),
                        containsString("72 h"),
                        containsString("OpenAI, Anthropic, Cohere + custom endpoints"),
                        containsString("All major providers + custom endpoints"),
                        containsString("Optional add-on"),
                        containsString("Get started"));
    }

    @Test
    void fragmentForHtmxAndCurrentPlanForSignedInPeople() {
        new Browser()
                .htmx()
                .get("/pricing")
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE html>")), containsString("Compare every limit and feature"));
        Browser.signedUp("Shopper")
                .get("/pricing")
                .then()
                .body(containsString("Your current plan"), containsString("Change plan"));
    }
}
