package dev.qide.editor;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the server takes for what opening the editor costs: the page itself (with its file tree), the tree fragment
 * fetched after each change, and one file, for a
 * project of 60 files. Prints the server's own time (its {@code Server-Timing} header) and the round trip over
 * loopback as the test client sees it; asserts nothing about time. Run with
 * {@code ./mvnw verify -Pbench -Dtest=EditorPageBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class EditorPageBenchmark {

    private static final int WARM_UP = 200;
    private static final int MEASURED = 1000;

    @Test
    void editorPageTreeAndFileOpen() {
        Browser browser = Browser.signedUp("Bench Person");
        String id = browser.createProject("Benchmark");
        String project = "/api/projects/" + id;
        String fileId = null;
        for (int i = 0; i < 60; i++) {
            String path = "src/module" + (i / 10) + "/file" + i + ".py";
            fileId = browser.api()
                    .body(Map.of("path", path, "content", "def f():\n    return " + i + "\n".repeat(200)))
                    .post(project + "/files")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }
        String file = project + "/files/" + fileId;
        report("GET /editor/{id} (page)", () -> browser.request().get("/editor/" + id));
        report("GET /editor/{id}/tree (tree fragment, 67 entries)", () -> browser.htmx()
                .get("/editor/" + id + "/tree"));
        report("GET /api/projects/{id}/files/{fileId} (open)", () -> browser.api()
                .get(file));
    }

    private static void report(String what, Supplier<Response> request) {
        for (int i = 0; i < WARM_UP; i++) {
            check(request.get());
        }
        List<Double> server = new ArrayList<>(MEASURED);
        List<Double> roundTrip = new ArrayList<>(MEASURED);
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            Response response = request.get();
            roundTrip.add((System.nanoTime() - start) / 1_000_000.0);
            server.add(check(response));
        }
        System.out.printf(
                Locale.ROOT,
                "BENCH %-48s n=%d server %s | round trip %s%n",
                what,
                MEASURED,
                percentiles(server),
                percentiles(roundTrip));
    }

    private static String percentiles(List<Double> millis) {
        Collections.sort(millis);
        return String.format(
                Locale.ROOT,
                "p50=%.2f p90=%.2f p99=%.2f ms",
                millis.get(MEASURED / 2),
                millis.get(MEASURED * 90 / 100),
                millis.get(MEASURED * 99 / 100));
    }

    /** The server's own time for a 200 response, from its Server-Timing header. */
    private static double check(Response response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Expected 200, got " + response.statusCode());
        }
        String timing = response.header("Server-Timing");
        return Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
    }
}
