package dev.qide.web.malformed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.billing.StripeProfile;
import dev.qide.support.CapturedLog;
import dev.qide.web.malformed.Probe.Identity;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Throws malformed input at every route and fails on any answer a client could not be blamed for: every operation of
 * the OpenAPI document, and every other route the application's resource classes declare (the pages), with bad ids,
 * bad query parameters, broken and mistyped bodies (see {@link MalformedInputs}), as a signed-in team owner, a platform
 * admin, an API key with every scope, and anonymously.
 *
 * <p>A failure is a 5xx, no answer at all, or a response header line longer than 8 KB (a reverse proxy answers those
 * with 502). Afterwards the pages are read again (what the sweep stored must not break them), no stored text may hold
 * NUL or half a surrogate pair (PostgreSQL cannot keep them), and the log must hold no stack trace: client errors are
 * not the server's errors. The report lists every (method, path, input) that failed.
 *
 * <p>Runs with billing configured against {@link dev.qide.billing.FakeStripe}, so that billing routes answer from
 * their code rather than "not configured".
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
class MalformedInputSweepTest {

    private static final int TIMEOUT_MILLIS = 30_000;

    @Inject
    DataSource dataSource;

    @Test
    void noMalformedRequestGetsA5xxOrStoresWhatCannotBeStored() throws Exception {
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        SweepFixtures fixtures = SweepFixtures.create();
        List<Route> routes = routes();
        MalformedInputs inputs = new MalformedInputs(fixtures);
        RawHttp http = new RawHttp(RestAssured.port, TIMEOUT_MILLIS);
        // Phase, then area: the probes of one area go one after another (see Sweep), areas side by side.
        Map<Integer, Map<String, List<Probe>>> phases = new TreeMap<>();
        List<List<Probe>> rereads = new ArrayList<>();
        for (Route route : routes) {
            Identity identity = identityFor(route, fixtures, inputs, http);
            List<Probe> area = phases.computeIfAbsent(phase(route), ignored -> new TreeMap<>())
                    .computeIfAbsent(area(route), ignored -> new ArrayList<>());
            area.addAll(inputs.probes(route, identity));
            area.addAll(inputs.anonymousProbes(route));
            if (route.method().equals("GET") && phase(route) == 0) {
                rereads.add(List.of(inputs.reread(route, identity)));
            }
        }

        Sweep sweep = new Sweep(http, () -> StoredTextScan.scan(dataSource));
        CapturedLog log = new CapturedLog();
        log.start();
        try {
            for (Map.Entry<Integer, Map<String, List<Probe>>> phase : phases.entrySet()) {
                sweep.send(List.copyOf(phase.getValue().values()));
                if (phase.getKey() == 0) {
                    // Before anything is deleted: what the probes stored must not break reading it.
                    sweep.send(rereads);
                }
            }
        } finally {
            log.stop();
        }
        List<String> failures = new ArrayList<>(sweep.failures());
        sweep.lookForStoredText();
        for (StoredTextScan.Finding finding : sweep.storedText()) {
            Probe probe = sweep.sent(finding.probeId());
            if (probe == null) {
                Log.warnf("Text no database should hold, stored by another test: %s %s", finding.column(), finding);
            } else {
                failures.add("stored NUL or half a surrogate pair in " + finding.column() + " (\"" + finding.excerpt()
                        + "\"): " + probe.describe());
            }
        }
        List<String> stackTraces = log.withStackTraces();

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long cpuSeconds = (processCpuNanos() - cpuStarted) / 1_000_000_000L;
        Log.infof(
                "Malformed-input sweep: %d routes (%d from the OpenAPI document), %d requests in %d s, %d s of CPU"
                        + " (application and sweep). Answers (time spent on the route):%n%s",
                routes.size(),
                routes.stream()
                        .filter(route -> route.origin() == Route.Origin.OPENAPI)
                        .count(),
                sweep.count(),
                seconds,
                cpuSeconds,
                sweep.statusesByRoute());
        assertThat(failures)
                .as("requests that got a 5xx, no answer, an oversized header, or stored what cannot be stored")
                .isEmpty();
        assertThat(stackTraces).as("stack traces logged during the sweep").isEmpty();
    }

    /** CPU time this JVM used (the application runs in it too): what the sweep costs, however busy the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The OpenAPI document's operations (those the application's own resources serve) and every other route of the
     * resource classes. Every API route a resource declares must be in the document.
     */
    private static List<Route> routes() {
        List<Route> declared = ResourceRoutes.all();
        Set<String> declaredNames = declared.stream().map(Route::name).collect(Collectors.toSet());
        String document = given().accept("application/json")
                .get("/api/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<Route> documented = OpenApiRoutes.parse(document).stream()
                .filter(route -> declaredNames.contains(route.name()))
                .toList();
        Set<String> documentedNames = documented.stream().map(Route::name).collect(Collectors.toSet());
        assertThat(declared.stream()
                        .filter(route -> route.isApi() && !route.template().startsWith("/api/docs"))
                        .map(Route::name)
                        .filter(name -> !documentedNames.contains(name)))
                .as("API routes missing from the OpenAPI document")
                .isEmpty();
        assertThat(documented).hasSizeGreaterThan(40);
        List<Route> routes = new ArrayList<>(documented);
        declared.stream()
                .filter(route -> !documentedNames.contains(route.name()))
                .forEach(routes::add);
        assertThat(routes.size() - documented.size()).as("page routes").isGreaterThan(50);
        return routes;
    }

    /**
     * Pages as the team owner, the admin area as the admin, the API with the API key, unless the key is not let in
     * (some operations are for browser sessions only): then as the owner's session, which the editor's scripts use.
     */
    private static Identity identityFor(Route route, SweepFixtures fixtures, MalformedInputs inputs, RawHttp http) {
        if (route.isAdmin()) {
            return fixtures.adminSession();
        }
        if (!route.isApi()) {
            return fixtures.ownerSession();
        }
        Identity key = fixtures.apiKeyWithEveryScope();
        int status = http.send(inputs.preflight(route, key)).status();
        return status == 401 || status == 403 ? fixtures.ownerSession() : key;
    }

    /**
     * The rows a route writes, roughly: its first path segment ("/api" and "/v1" set aside), with the segments that
     * reach the same tables together (a team's pages and its API, a project's and its editor's).
     */
    private static String area(Route route) {
        String[] segments = route.template().split("/");
        int first = segments.length > 2 && Set.of("api", "v1").contains(segments[1]) ? 2 : 1;
        String area = segments.length > first ? segments[first] : "";
        return switch (area) {
            case "team", "teams", "workspaces", "invites" -> "teams";
            case "editor", "projects" -> "projects";
            case "code", "runs" -> "runs";
            default -> area;
        };
    }

    /**
     * When a route's probes go: most first; then those that remove things; then those that end the owner's hold on
     * the team (a probe that happens to be valid may transfer or delete it); signing out last of all.
     */
    private static int phase(Route route) {
        String template = route.template();
        String last = template.substring(template.lastIndexOf('/') + 1);
        if (template.equals("/logout")) {
            return 3;
        }
        if (Set.of("transfer", "leave").contains(last) || template.equals("/teams/{teamId}/delete")) {
            return 2;
        }
        if (route.method().equals("DELETE")
                || Set.of("delete", "remove", "revoke", "clear", "stop", "decline", "accept", "end-others", "password")
                        .contains(last)) {
            return 1;
        }
        return 0;
    }
}
