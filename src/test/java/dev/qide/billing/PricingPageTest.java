package dev.qide.billing;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void codeExecutionIsOneTruthOnTheCardsAndInTheTable() {
        String page = new Browser().get("/pricing").asString();
        String free =
                page.substring(page.indexOf("data-testid=\"plan-FREE\""), page.indexOf("data-testid=\"plan-PRO\""));
        assertThat(free).contains("Code execution not included").doesNotContain("concurrent code run");
        String pro =
                page.substring(page.indexOf("data-testid=\"plan-PRO\""), page.indexOf("data-testid=\"plan-PRO_PLUS\""));
        assertThat(pro).contains("5 concurrent code runs");
        String runsRow = page.substring(page.indexOf(">Concurrent code runs</th>"));
        runsRow = runsRow.substring(0, runsRow.indexOf("</tr>"));
        assertThat(runsRow.split("<td").length - 1).isEqualTo(5);
        String freeCell = runsRow.split("<td")[1];
        assertThat(freeCell).contains("aria-label=\"Not included\"").doesNotContain(">1");
    }

    @Test
    void enterpriseIsSoldByTalkingToSales() {
        String page = new Browser().get("/pricing").asString();
        String enterprise = page.substring(page.indexOf("data-testid=\"plan-ENTERPRISE\""));
        enterprise = enterprise.substring(0, enterprise.indexOf("</section>"));
        assertThat(enterprise)
                .contains("Talk to sales")
                .contains("href=\"mailto:sales@example.com\"")
                .doesNotContain("Get started")
                .doesNotContain("/signup");
        String signedIn = Browser.signedUp("Big Buyer").get("/pricing").asString();
        String card = signedIn.substring(signedIn.indexOf("data-testid=\"plan-ENTERPRISE\""));
        assertThat(card.substring(0, card.indexOf("</section>")))
                .contains("Talk to sales")
                .doesNotContain("Change plan");
    }
}
