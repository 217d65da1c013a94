package dev.qide.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        new Browser()
                .request()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsAreExposed() {
        new Browser().get("/login");
        new Browser()
                .request()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"), containsString("jvm_memory_used_bytes"));
    }

    @Test
    void webjarsAreServedWithoutVersions() {
        new Browser().request().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        new Browser()
                .request()
                .get("/webjars/bootstrap/dist/js/bootstrap.bundle.min.js")
                .then()
                .statusCode(200);
        new Browser()
                .request()
                .get("/webjars/bootstrap-icons/font/bootstrap-icons.min.css")
                .then()
                .statusCode(200);
    }
}
