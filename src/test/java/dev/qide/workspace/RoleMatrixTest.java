package dev.qide.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.account.user.SecretTokens;
import dev.qide.apikey.ApiKey;
import dev.qide.identity.RolePermissions;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.TeamFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every role against every action, in pages and in the API: each probe is a request the action needs, sent by an
 * owner, an admin, an editor, a viewer and an outsider (the owner of another team). Where a role may act, the probe
 * is built to stop just after the permission check (an invalid name, a missing key, billing not configured), so an
 * allowed answer is a 4xx that is not 403 and nothing changes. The expected table is written out by hand, not derived
 * from {@link RolePermissions}, and the test prints the table it saw.
 */
@QuarkusTest
class RoleMatrixTest {

    private enum Who {
        OWNER,
        ADMIN,
        EDITOR,
        VIEWER,
        OUTSIDER
    }

    /** Statuses in the order owner, admin, editor, viewer, outsider; null where a probe does not apply. */
    private record Probe(String action, String request, Function<Who, Response> send, Integer... expected) {}

    private final Map<Who, Browser> people = new LinkedHashMap<>();
    private UUID teamId;
    private UUID projectId;
    private UUID readmeId;

    @Test
    void everyRoleGetsTheAnswerTheMatrixSays() {
        setUp();
        String team = "/teams/" + teamId;
        String apiTeam = "/api/teams/" + teamId;
        String project = "/api/projects/" + projectId;
        UUID ownerId = TeamFixtures.userId(people.get(Who.OWNER));
        UUID viewerId = TeamFixtures.userId(people.get(Who.VIEWER));

        List<Probe> probes = List.of(
                new Probe("VIEW", "GET " + team, who -> page(who, team), 200, 200, 200, 200, 404),
                new Probe("VIEW", "GET " + apiTeam, who -> api(who).get(apiTeam), 200, 200, 200, 200, 404),
                new Probe(
                        "VIEW",
                        "GET /editor/{project}",
                        who -> page(who, "/editor/" + projectId),
                        200,
                        200,
                        200,
                        200,
                        404),
                new Probe(
                        "EDIT_PROJECTS",
                        "POST /projects (page, current workspace)",
                        who -> form(who, "/projects", Map.of("name", "", "language", "PYTHON")),
                        422,
                        422,
                        422,
                        403,
                        null),
                new Probe(
                        "EDIT_PROJECTS",
                        "POST " + project + "/files",
                        who -> api(who).body(Map.of("path", "", "content", "x")).post(project + "/files"),
                        422,
                        422,
                        422,
                        403,
                        404),
                new Probe(
                        "CHAT",
                        "POST /api/chat (no key)",
                        who -> api(who).body(Map.of(
                                        "project_id", projectId.toString(),
                                        "content", "Hello",
                                        "provider", "openai"))
                                .post("/api/chat"),
                        422,
                        422,
                        422,
                        403,
                        404),
                new Probe(
                        "RUN_CODE",
                        "POST " + project + "/runs (README.md)",
                        who -> api(who).body(Map.of("file_id", readmeId.toString()))
                                .post(project + "/runs"),
                        422,
                        422,
                        422,
                        403,
                        404),
                new Probe(
                        "MANAGE_PROJECTS",
                        "POST /projects/{project} (page)",
                        who -> form(who, "/projects/" + projectId, Map.of("name", "")),
                        422,
                        422,
                        403,
                        403,
                        404),
                new Probe(
                        "MANAGE_PROJECTS",
                        "PUT " + project,
                        who -> api(who).body(Map.of("name", "")).put(project),
                        422,
                        422,
                        403,
                        403,
                        404),
                new Probe(
                        "MANAGE_MEMBERS",
                        "POST " + team + "/members/{viewer}/role OWNER",
                        who -> form(who, team + "/members/" + viewerId + "/role", Map.of("role", "OWNER")),
                        422,
                        422,
                        403,
                        403,
                        404),
                new Probe(
                        "MANAGE_MEMBERS",
                        "POST " + apiTeam + "/members (bad email)",
                        who -> api(who).body(Map.of("email", "not-an-address", "role", "EDITOR"))
                                .post(apiTeam + "/members"),
                        422,
                        422,
                        403,
                        403,
                        404),
                new Probe(
                        "MANAGE_MEMBERS",
                        "DELETE " + apiTeam + "/members/{owner}",
                        who -> api(who).delete(apiTeam + "/members/" + ownerId),
                        409,
                        409,
                        403,
                        403,
                        404),
                new Probe(
                        "MANAGE_TEAM_KEYS",
                        "POST /settings/ai-providers (team key, no provider)",
                        who -> form(who, "/settings/ai-providers", Map.of("owner", "WORKSPACE", "provider", "")),
                        422,
                        422,
                        403,
                        403,
                        null),
                new Probe(
                        "MAKE_API_KEYS",
                        "GET /settings/api-keys (current workspace)",
                        who -> page(who, "/settings/api-keys"),
                        200,
                        200,
                        200,
                        403,
                        null),
                new Probe(
                        "MAKE_API_KEYS",
                        "POST /settings/api-keys (no name)",
                        who -> form(who, "/settings/api-keys", Map.of("name", "", "expiry", "never")),
                        422,
                        422,
                        422,
                        403,
                        null),
                new Probe(
                        "MANAGE_API_KEYS",
                        "POST /settings/api-keys/{editor's key}/revoke",
                        who -> form(who, "/settings/api-keys/" + editorsApiKey() + "/revoke", Map.of()),
                        303,
                        303,
                        303,
                        403,
                        404),
                new Probe(
                        "MANAGE_SETTINGS",
                        "POST " + team + "/settings (no name)",
                        who -> form(who, team + "/settings", Map.of("name", "")),
                        422,
                        422,
                        403,
                        403,
                        404),
                new Probe(
                        "MANAGE_SETTINGS",
                        "PUT " + apiTeam + " (no name)",
                        who -> api(who).body(Map.of("name", "")).put(apiTeam),
                        422,
                        422,
                        403,
                        403,
                        404),
                new Probe(
                        "MANAGE_SETTINGS",
                        "POST " + team + "/members/{viewer}/cap (too many)",
                        who -> form(who, team + "/members/" + viewerId + "/cap", Map.of("cap", "999999")),
                        422,
                        422,
                        403,
                        403,
                        404),
                new Probe(
                        "VIEW_AUDIT",
                        "GET " + team + "/audit",
                        who -> page(who, team + "/audit"),
                        200,
                        200,
                        403,
                        403,
                        404),
                new Probe(
                        "VIEW_AUDIT",
                        "GET " + team + "/audit.csv",
                        who -> people.get(who).request().get(team + "/audit.csv"),
                        200,
                        200,
                        403,
                        403,
                        404),
                new Probe(
                        "VIEW_INVOICES",
                        "GET /api/billing/invoices (current workspace)",
                        who -> api(who).get("/api/billing/invoices"),
                        503,
                        503,
                        403,
                        403,
                        null),
                new Probe(
                        "MANAGE_BILLING",
                        "GET /api/billing/portal (current workspace)",
                        who -> api(who).get("/api/billing/portal"),
                        503,
                        403,
                        403,
                        403,
                        null),
                new Probe(
                        "TRANSFER_OWNERSHIP",
                        "POST " + team + "/transfer (to oneself)",
                        who -> form(
                                who,
                                team + "/transfer",
                                Map.of(
                                        "userId",
                                        TeamFixtures.userId(people.get(who)).toString())),
                        422,
                        403,
                        403,
                        403,
                        404),
                new Probe(
                        "DELETE_TEAM",
                        "POST " + team + "/delete (wrong name)",
                        who -> form(who, team + "/delete", Map.of("confirm", "not the name")),
                        422,
                        403,
                        403,
                        403,
                        404));

        List<String> table = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        table.add(String.format(
                "%-18s %-58s %6s %6s %6s %6s %8s",
                "action", "request", "OWNER", "ADMIN", "EDITOR", "VIEWER", "OUTSIDER"));
        for (Probe probe : probes) {
            StringBuilder row = new StringBuilder(String.format("%-18s %-58s", probe.action(), clip(probe.request())));
            for (Who who : Who.values()) {
                Integer expected = probe.expected()[who.ordinal()];
                if (expected == null) {
                    row.append(String.format(" %6s", "-"));
                    continue;
                }
                int status = probe.send().apply(who).statusCode();
                row.append(String.format(" %6s", status == expected ? status : status + "!=" + expected));
                if (status != expected) {
                    wrong.add(probe.action() + " " + probe.request() + " as " + who + ": " + status + ", expected "
                            + expected);
                }
            }
            table.add(row.toString());
        }
        System.out.println("Role matrix (status per role; a!=b marks a wrong answer):\n" + String.join("\n", table));
        assertThat(wrong).as(String.join("\n", table)).isEmpty();
        // Nothing an allowed probe sent changed the team.
        assertThat(TeamFixtures.workspace(teamId).name).isEqualTo("Matrix");
        assertThat(TeamFixtures.workspace(teamId).deletedAt).isNull();
        assertThat(TeamFixtures.roleOf(teamId, people.get(Who.OWNER))).contains(WorkspaceRole.OWNER);
        assertThat(TeamFixtures.roleOf(teamId, people.get(Who.VIEWER))).contains(WorkspaceRole.VIEWER);
    }

    private void setUp() {
        Browser owner = Browser.signedUp("Matrix Owner");
        teamId = TeamFixtures.createThroughApi(owner, "Matrix", PlanId.TEAMS);
        people.put(Who.OWNER, owner);
        for (Who who : List.of(Who.ADMIN, Who.EDITOR, Who.VIEWER)) {
            Browser member = Browser.signedUp("Matrix " + who.name().toLowerCase());
            TeamFixtures.addMember(teamId, member, WorkspaceRole.valueOf(who.name()));
            people.put(who, member);
        }
        Browser outsider = Browser.signedUp("Matrix Outsider");
        TeamFixtures.createThroughApi(outsider, "Other team", PlanId.TEAMS);
        people.put(Who.OUTSIDER, outsider);
        for (Who who : List.of(Who.OWNER, Who.ADMIN, Who.EDITOR, Who.VIEWER)) {
            TeamFixtures.switchThroughPage(people.get(who), teamId);
        }
        projectId = UUID.fromString(owner.createProject("Matrix project"));
        readmeId = UUID.fromString(owner.api()
                .get("/api/projects/" + projectId + "/files")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.path == 'README.md' }.id"));
    }

    /** A fresh API key made by the editor in the team, for one revoke probe. */
    private UUID editorsApiKey() {
        String secret = ApiKeys.create(people.get(Who.EDITOR), "probe " + UUID.randomUUID(), "projects:read");
        return QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.findByHash(SecretTokens.hash(secret)).orElseThrow().id);
    }

    private Response page(Who who, String path) {
        return people.get(who).get(path);
    }

    private io.restassured.specification.RequestSpecification api(Who who) {
        return people.get(who).api();
    }

    private Response form(Who who, String path, Map<String, String> fields) {
        Browser browser = people.get(who);
        browser.get("/teams");
        return browser.postForm(path, fields);
    }

    private static String clip(String text) {
        return text.length() <= 58 ? text : text.substring(0, 57) + "\u2026";
    }
}
