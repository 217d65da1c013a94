package dev.qide.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.qide.audit.AuditEvent;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without online payments, a platform admin sets a workspace's plan (page and API), and each change is audited. */
@QuarkusTest
class AdminPlanTest {

    private static Browser admin;

    @BeforeEach
    void confirmedAdmin() {
        if (admin != null) {
            return;
        }
        admin = new Browser();
        // Signing up goes through the link mailed to the address: the account is made with the address proved.
        admin.signUp("plans@qide.test", "Plan Operator", Passwords.STRONG);
        admin.get("/admin").then().statusCode(200);
    }

    @Test
    void anAdminPutsAWorkspaceOnAPlanFromTheAdminPage() {
        Browser customer = Browser.signedUp("Paying Customer");
        UUID workspace = customer.workspaceId();
        admin.get("/admin?q=" + customer.email())
                .then()
                .statusCode(200)
                .body(containsString(customer.email()), containsString("Set plan"));
        admin.postForm("/admin/workspaces/" + workspace + "/plan", Map.of("plan", "PRO", "q", customer.email()))
                .then()
                .statusCode(303);
        customer.api().get("/api/auth/me").then().body("workspace.plan", equalTo("PRO"));
        admin.get("/admin?q=" + customer.email())
                .then()
                .body(
                        containsString("is now on the Pro plan"),
                        containsString(">Pro Plus</option>"),
                        not(containsString(">PRO_PLUS<")));

        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.forWorkspace(workspace));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.action).isEqualTo("workspace.plan_changed");
            assertThat(event.detail).startsWith("FREE -> PRO");
            assertThat(event.actorEmail).isEqualTo("plans@qide.test");
        });
    }

    @Test
    void aSearchTooLongForTheBoxIsNotEchoedIntoTheRedirect() {
        Browser customer = Browser.signedUp("Long Search Customer");
        UUID workspace = customer.workspaceId();
        admin.get("/admin");
        String location = admin.postForm(
                        "/admin/workspaces/" + workspace + "/plan", Map.of("plan", "PRO", "q", "x".repeat(70_000)))
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertThat(location).endsWith("/admin").hasSizeLessThan(200);
        customer.api().get("/api/auth/me").then().body("workspace.plan", equalTo("PRO"));
        assertThat(admin.get("/admin?q=" + "y".repeat(3_000)).asString()).doesNotContain("y".repeat(201));
    }

    @Test
    void theApiSetsPlansAndRefusesWhatIsWrong() {
        Browser customer = Browser.signedUp("Api Customer");
        UUID workspace = customer.workspaceId();
        admin.api()
                .body(Map.of("plan", "pro-plus"))
                .put("/api/admin/workspaces/" + workspace + "/plan")
                .then()
                .statusCode(200)
                .body("plan", equalTo("PRO_PLUS"), "id", equalTo(workspace.toString()));
        customer.api().get("/api/auth/me").then().body("workspace.plan", equalTo("PRO_PLUS"));
        admin.api()
                .body(Map.of("plan", "GOLD"))
                .put("/api/admin/workspaces/" + workspace + "/plan")
                .then()
                .statusCode(422)
                .body("detail", containsString("Choose one of the plans: FREE, PRO, PRO_PLUS, TEAMS, ENTERPRISE."));
        admin.api()
                .body(Map.of("plan", "PRO"))
                .put("/api/admin/workspaces/" + UUID.randomUUID() + "/plan")
                .then()
                .statusCode(404);
        customer.api()
                .body(Map.of("plan", "ENTERPRISE"))
                .put("/api/admin/workspaces/" + workspace + "/plan")
                .then()
                .statusCode(403);
        customer.api().get("/api/auth/me").then().body("workspace.plan", equalTo("PRO_PLUS"));
    }
}
