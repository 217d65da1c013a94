package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.SandboxAvailability;
import dev.qide.support.SseWire;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Code runs through the API: plans gate them, output streams as events, runs stop, concurrency is capped. */
@QuarkusTest
@ClockSensitive
class RunApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sandbox sandbox;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void needsTheSandbox() {
        SandboxAvailability.require(sandbox.unavailableReason());
    }

    private static String addFile(Browser browser, String project, String path, String content) {
        return browser.api()
                .body(Map.of("path", path, "content", content))
                .post(project + "/files")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String start(Browser browser, String project, String fileId) {
        return browser.api()
                .body(Map.of("file_id", fileId))
                .post(project + "/runs")
                .then()
                .statusCode(202)
                .body("language", equalTo("python"), "status", equalTo("running"))
                .extract()
                .path("id");
    }

    @Test
    void freePlansCannotRunCodeAndSaySo() {
        Browser browser = Browser.signedUp("Free Runner");
        String project = "/api/projects/" + browser.createProject("Free");
        String file = addFile(browser, project, "main.py", "print(1)");
        browser.api()
                .body(Map.of("file_id", file))
                .post(project + "/runs")
                .then()
                .statusCode(403)
                .body("detail", containsString("Pro plan"));
        browser.api()
                .body(Map.of("code", "print(1)", "language", "python"))
                .post("/api/code/execute")
                .then()
                .statusCode(403);
    }

    @Test
    void aProjectRunSeesItsSiblingFilesAndStreamsOutputThenDone() {
        Browser browser = Browser.signedUp("Pro Runner");
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        String project = "/api/projects/" + browser.createProject("Runs");
        addFile(browser, project, "lib/greeting.py", "WORDS = 'hello from a sibling file'\n");
        String main = addFile(
                browser,
                project,
                "main.py",
                "import sys\nsys.path.insert(0, 'lib')\nfrom greeting import WORDS\nprint(WORDS)\n"
                        + "print('oops', file=sys.stderr)\nsys.exit(3)\n");
        String run = start(browser, project, main);
        String events = browser.request()
                .accept("text/event-stream")
                .get("/api/runs/" + run + "/events")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(events)
                .contains("event:output", "hello from a sibling file", "\"stream\":\"stderr\"", "event:done")
                .contains("\"exit_code\":3", "\"status\":\"completed\"");
        browser.api()
                .get("/api/runs/" + run)
                .then()
                .statusCode(200)
                .body(
                        "status", equalTo("completed"),
                        "exit_code", equalTo(3),
                        "entry_file", equalTo("main.py"),
                        "output", containsString("hello from a sibling file"));
        browser.api().get(project + "/runs").then().body("id", hasItems(run));
        Browser stranger = Browser.signedUp("Run Stranger");
        stranger.api().get("/api/runs/" + run).then().statusCode(404);
        stranger.request().get("/api/runs/" + run + "/events").then().statusCode(404);
        stranger.api().post("/api/runs/" + run + "/stop").then().statusCode(404);
    }

    @Test
    void theOutputStreamCarriesTheOutputExactlyLiveAndAfterTheEnd() throws Exception {
        Browser browser = Browser.signedUp("Exact Runner");
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        String project = "/api/projects/" + browser.createProject("Exact");
        String main = addFile(
                browser,
                project,
                "main.py",
                """
                import sys, time
                time.sleep(1)
                out = sys.stdout.buffer
                out.write(' lead\\r\\n    four\\n\\t\\ttabs\\rcr\\r\\n'.encode()); out.flush()
                time.sleep(0.3)
                out.write('\\n   \\n\\U0001F600 \\U0001D518 end'.encode()); out.flush()
                """);
        String expected = " lead\r\n    four\n\t\ttabs\rcr\r\n\n   \n\uD83D\uDE00 \uD835\uDD18 end";
        String run = start(browser, project, main);

        for (String when : List.of("live", "after the end")) {
            SseWire.Answer answer = SseWire.fetch(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + RestAssured.port + "/api/runs/" + run + "/events"))
                    .header("Cookie", browser.cookieHeader())
                    .header("Accept", "text/event-stream")
                    .build());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).as(when).doesNotContain("\r").endsWith("\n\n");
            assertThat(answer.body().split("\n"))
                    .as(when)
                    .filteredOn(line -> !line.isEmpty())
                    .allSatisfy(line -> assertThat(line).matches("(event:|data: )\\S.*"));
            List<SseWire.Event> events = SseWire.parse(answer.body());
            StringBuilder output = new StringBuilder();
            for (SseWire.Event event : events) {
                if (event.type().equals("output")) {
                    output.append(JSON.readTree(event.data()).path("text").textValue());
                }
            }
            assertThat(output.toString()).as(when).isEqualTo(expected);
            assertThat(events.get(events.size() - 1).type()).isEqualTo("done");
        }
    }

    @Test
    void executeRunsASnippetAndSeparatesOutputFromErrors() {
        Browser browser = Browser.signedUp("Snippet Runner");
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        browser.api()
                .get("/api/code/languages")
                .then()
                .statusCode(200)
                .body("id", hasItems("python", "javascript", "bash"));
        browser.api()
                .body(Map.of("code", "echo out; echo err >&2; exit 2", "language", "bash", "timeout", 10))
                .post("/api/code/execute")
                .then()
                .statusCode(200)
                .body("output", equalTo("out\n"), "error", equalTo("err\n"), "exit_code", equalTo(2));
        browser.api()
                .body(Map.of("code", "console.log(6 * 7)", "language", "javascript"))
                .post("/api/code/execute")
                .then()
                .statusCode(200)
                .body("output", equalTo("42\n"), "exit_code", equalTo(0));
        browser.api()
                .body(Map.of("code", "while True: pass", "language", "python", "timeout", 1))
                .post("/api/code/execute")
                .then()
                .statusCode(200)
                .body("status", equalTo("timed_out"), "message", containsString("time limit"));
        browser.api()
                .body(Map.of("code", "1", "language", "cobol"))
                .post("/api/code/execute")
                .then()
                .statusCode(422);
        browser.api()
                .body(Map.of("code", "1", "language", "python", "timeout", 100000))
                .post("/api/code/execute")
                .then()
                .statusCode(422)
                .body("detail", containsString("seconds"));
    }

    @Test
    void stopEndsARunAndTheWorkspaceRunsAtMostItsPlansNumberAtOnce() throws InterruptedException {
        Browser browser = Browser.signedUp("Busy Runner");
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO); // 5 at once
        String project = "/api/projects/" + browser.createProject("Busy");
        String sleeper =
                addFile(browser, project, "sleep.py", "import time\nprint('sleeping', flush=True)\ntime.sleep(60)\n");
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(start(browser, project, sleeper));
        }
        clock.advance(Duration.ofMinutes(1)); // past the limit of 5 runs started a minute
        browser.api()
                .body(Map.of("file_id", sleeper))
                .post(project + "/runs")
                .then()
                .statusCode(429)
                .body("detail", containsString("already has 5 runs going"));
        for (String run : runs) {
            browser.api().post("/api/runs/" + run + "/stop").then().statusCode(202);
        }
        for (String run : runs) {
            waitUntil(() -> "stopped"
                    .equals(browser.api()
                            .get("/api/runs/" + run)
                            .then()
                            .extract()
                            .path("status")));
        }
        String next = start(browser, project, sleeper);
        browser.api().post("/api/runs/" + next + "/stop").then().statusCode(202);
    }

    @Test
    void aPersonStartsAtMostFiveRunsAMinute() {
        Browser browser = Browser.signedUp("Quick Runner");
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        for (int i = 0; i < 5; i++) {
            browser.api()
                    .body(Map.of("code", "true", "language", "bash"))
                    .post("/api/code/execute")
                    .then()
                    .statusCode(200);
        }
        browser.api()
                .body(Map.of("code", "true", "language", "bash"))
                .post("/api/code/execute")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("Too many code runs: at most 5 a minute"));
        clock.advance(Duration.ofSeconds(13));
        browser.api()
                .body(Map.of("code", "true", "language", "bash"))
                .post("/api/code/execute")
                .then()
                .statusCode(200);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
