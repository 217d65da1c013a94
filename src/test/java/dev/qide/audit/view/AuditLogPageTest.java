package dev.qide.audit.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.qide.audit.AuditEvent;
import dev.qide.audit.AuditLog;
import dev.qide.audit.CsvRecords;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.AuditTrail;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TeamActions;
import dev.qide.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A team's audit log page and its CSV export: filters by actor, action and UTC days, 100 records a page with an
 * "Older" link, the same rows in the export as on the page, a guard against spreadsheet formulas, and who may see it.
 */
@QuarkusTest
@ClockSensitive
class AuditLogPageTest {

    private static final Pattern ROW = Pattern.compile("<tr data-audit-id=\"([0-9a-f-]{36})\">\\s*"
            + "<td[^>]*><time datetime=\"([^\"]+)\">[^<]*</time></td>\\s*<td>([^<]*)</td>\\s*<td><code>([^<]*)</code>");
    private static final Pattern OLDER = Pattern.compile("href=\"([^\"]+)\"[^>]*rel=\"next\"");

    @Inject
    TeamActions teams;

    @Inject
    AuditLog auditLog;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** What the page and the export show of a record. */
    record Row(String id, String time, String actor, String action) {}

    /** A Teams team with an owner, an admin, an editor, and five records written on four days. */
    record History(
            UUID team, Browser owner, Browser admin, Browser editor, LocalDate day1, List<String> ids, String created) {

        String day(int n) {
            return day1.plusDays(n - 1).toString();
        }

        String id(int n) {
            return ids.get(n - 1);
        }
    }

    @Test
    void filtersByActorActionAndDaysShowTheRightRowsAndTheCsvHoldsExactlyThePagesRows() {
        History h = history("Filter Team");
        String owner = h.owner().email();
        String admin = h.admin().email();

        assertThat(ids(pageRows(h, Map.of())))
                .containsExactly(h.created(), h.id(5), h.id(4), h.id(3), h.id(2), h.id(1));
        // Each export is audited too (audit.exported, now), so the filter open towards today comes first.
        List<Map<String, String>> filters = List.of(
                Map.of("from", h.day(4)),
                Map.of("actor", admin),
                Map.of("action", "team.renamed"),
                Map.of("from", h.day(2), "to", h.day(3)),
                Map.of("from", h.day(3), "to", h.day(3)),
                Map.of("to", h.day(1)),
                Map.of("actor", owner, "from", h.day(1), "to", h.day(3)),
                Map.of("actor", admin, "action", "member.removed"));
        List<List<String>> expected = List.of(
                List.of(h.created(), h.id(5)),
                List.of(h.id(4), h.id(2)),
                List.of(h.id(4), h.id(1)),
                List.of(h.id(4), h.id(3), h.id(2)),
                List.of(h.id(4), h.id(3)),
                List.of(h.id(1)),
                List.of(h.id(3), h.id(1)),
                List.of());

        for (int i = 0; i < filters.size(); i++) {
            List<Row> page = pageRows(h, filters.get(i));
            assertThat(ids(page)).as("page for %s", filters.get(i)).containsExactlyElementsOf(expected.get(i));
            assertThat(csvRows(h, filters.get(i)))
                    .as("CSV for %s", filters.get(i))
                    .isEqualTo(page);
        }
        List<Row> adminRows = pageRows(h, Map.of("actor", admin));
        assertThat(adminRows).allSatisfy(row -> assertThat(row.actor()).isEqualTo(admin));
        assertThat(adminRows.getLast().time()).isEqualTo(h.day(2) + "T11:00:00Z");
    }

    @Test
    void theFormKeepsTheFiltersOffersTheActorsAndActionsSeenAndTheExportLinkCarriesThem() {
        History h = history("Form Team");
        String admin = h.admin().email();

        h.owner()
                .request()
                .queryParam("actor", admin)
                .queryParam("from", h.day(2))
                .get(path(h))
                .then()
                .statusCode(200)
                .body(containsString("<html"))
                .body(containsString("<option value=\"" + admin + "\" selected>"))
                .body(containsString("<option value=\"" + h.owner().email() + "\">"))
                .body(not(containsString("<option value=\"" + h.editor().email())))
                .body(containsString("<option value=\"member.role_changed\">"))
                .body(containsString("value=\"" + h.day(2) + "\""))
                .body(containsString("href=\"/teams/" + h.team() + "/audit.csv?actor=" + enc(admin) + "&amp;from="
                        + h.day(2) + "\""))
                .body(containsString("2 records match."));

        h.owner()
                .htmx()
                .get(path(h))
                .then()
                .statusCode(200)
                .body(not(containsString("<html")))
                .body(containsString("Audit log"))
                .body(containsString("id=\"audit-log\""));
        h.owner()
                .htmx()
                .header("HX-Target", "audit-log")
                .get(path(h) + "?action=team.renamed")
                .then()
                .statusCode(200)
                .body(not(containsString("<html")))
                .body(not(containsString("breadcrumb")))
                .body(containsString("<div id=\"audit-log\">"))
                .body(containsString("2 records match."));
    }

    @Test
    void theExportQuotesAsRfc4180SaysAndKeepsFormulasOutOfSpreadsheets() {
        History h = history("Formula & Co");

        Response csv = h.owner().request().get(path(h) + ".csv?action=team.renamed");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").contains("charset=UTF-8");
        String today = TestClock.today().toString();
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"audit-formula-co-" + today + ".csv\"");
        String text = csv.asString();
        assertThat(text)
                .startsWith("id,time_utc,actor,action,target,detail,ip_address\r\n")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",")
                .contains(",\"'-2+3, \"\"quoted\"\"\nsecond line\",")
                .contains(",'@10.0.0.1\r\n");
        List<List<String>> records = CsvRecords.parse(text);
        assertThat(records).hasSize(3);
        List<String> renamed = records.get(1);
        assertThat(renamed).hasSize(7);
        assertThat(renamed.get(0)).isEqualTo(h.id(4));
        assertThat(renamed.get(4)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(renamed.get(5)).isEqualTo("'-2+3, \"quoted\"\nsecond line");
        assertThat(renamed.get(6)).isEqualTo("'@10.0.0.1");
        assertThat(records.get(2).get(5)).isEqualTo("'Old' -> 'New'");
        assertThat(records).allSatisfy(record -> assertThat(record).allSatisfy(field -> assertThat(field)
                .doesNotStartWith("=")
                .doesNotStartWith("+")
                .doesNotStartWith("-")
                .doesNotStartWith("@")));

        AuditEvent exported = AuditTrail.of(h.team()).stream()
                .filter(event -> event.action.equals("audit.exported"))
                .findFirst()
                .orElseThrow();
        assertThat(exported.actorEmail).isEqualTo(h.owner().email());
        assertThat(exported.detail).isEqualTo("2 records: action team.renamed");
    }

    @Test
    void pagesHoldAHundredRecordsAndOlderLinksPageBackWithoutGapsOrRepeats() {
        Browser owner = Browser.signedUp("Busy Owner");
        UUID team = teams.create(owner, "Busy Team", PlanId.TEAMS);
        Instant tie = clock.instant().minusSeconds(3_600);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < 250; n++) {
                AuditEvent event = new AuditEvent();
                event.id = UUID.randomUUID();
                event.workspaceId = team;
                event.actorEmail = owner.email();
                event.action = "project.created";
                event.target = "project " + n;
                // 150 records share one instant: only the id orders them, and the keyset must still page through.
                event.createdAt = n < 150 ? tie : tie.minusSeconds(n);
                event.persist();
            }
        });
        String path = "/teams/" + team + "/audit";

        List<String> seen = new ArrayList<>();
        String next = path;
        List<Integer> sizes = new ArrayList<>();
        while (next != null) {
            String html = owner.get(next).then().statusCode(200).extract().asString();
            List<Row> rows = rows(html);
            sizes.add(rows.size());
            seen.addAll(ids(rows));
            Matcher older = OLDER.matcher(html);
            next = older.find() ? older.group(1).replace("&amp;", "&") : null;
        }

        assertThat(sizes).containsExactly(100, 100, 51);
        assertThat(new HashSet<>(seen)).hasSize(251);
        List<List<String>> csv = CsvRecords.parse(owner.request()
                .get(path + ".csv")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(csv.subList(1, csv.size()).stream()
                        .map(record -> record.get(0))
                        .toList())
                .containsExactlyElementsOf(seen);

        String firstPage = owner.get(path).asString();
        Matcher older = OLDER.matcher(firstPage);
        assertThat(older.find()).isTrue();
        owner.htmx()
                .header("HX-Target", "audit-log")
                .get(older.group(1).replace("&amp;", "&"))
                .then()
                .statusCode(200)
                .body(not(containsString("<html")))
                .body(containsString("rel=\"next\""));
    }

    @Test
    void onlyOwnersAndAdminsOfTheTeamSeeTheLog() {
        History h = history("Guarded Team");
        Browser outsider = Browser.signedUp("Outsider");

        h.admin().get(path(h)).then().statusCode(200).body(containsString("data-audit-id"));
        for (String route : List.of(path(h), path(h) + ".csv")) {
            h.editor()
                    .request()
                    .get(route)
                    .then()
                    .statusCode(403)
                    .body(containsString("Only owners and admins can read the audit log."))
                    .body(not(containsString("data-audit-id")));
            outsider.request()
                    .get(route)
                    .then()
                    .statusCode(404)
                    .body(containsString("That team does not exist, or you are not a member."));
        }
        outsider.request().get("/teams/" + UUID.randomUUID() + "/audit").then().statusCode(404);
        new Browser().request().get(path(h)).then().statusCode(303);
    }

    @Test
    void aTeamWhosePlanHasNoAuditLogIsToldWhereToGetIt() {
        Browser owner = Browser.signedUp("Free Owner");
        UUID team = teams.create(owner, "Free Team", PlanId.FREE);
        String path = "/teams/" + team + "/audit";

        owner.get(path)
                .then()
                .statusCode(200)
                .body(containsString("The audit log comes with the Teams and Enterprise plans"))
                .body(containsString("Free Team is on the Free plan"))
                .body(containsString("href=\"/billing\""))
                .body(not(containsString("data-audit-id")))
                .body(not(containsString("audit.csv")));
        owner.request()
                .get(path + ".csv")
                .then()
                .statusCode(403)
                .body(containsString("The audit log comes with the Teams and Enterprise plans"));
        owner.htmx()
                .header("HX-Target", "audit-log")
                .get(path)
                .then()
                .statusCode(200)
                .body(containsString("Upgrade it in Billing"));
    }

    @Test
    void badDatesAndDamagedLinksGetAClearMessageNotAnError() {
        History h = history("Date Team");

        h.owner()
                .get(path(h) + "?from=2026-02-30")
                .then()
                .statusCode(422)
                .body(containsString("Enter the start date as YYYY-MM-DD"))
                .body(containsString("value=\"2026-02-30\""))
                .body(not(containsString("data-audit-id")));
        h.owner()
                .get(path(h) + "?from=" + h.day(3) + "&to=" + h.day(1))
                .then()
                .statusCode(422)
                .body(containsString("The end date " + h.day(1) + " is before the start date " + h.day(3) + "."));
        h.owner()
                .htmx()
                .header("HX-Target", "audit-log")
                .get(path(h) + "?to=yesterday")
                .then()
                .statusCode(422)
                .body(not(containsString("<html")))
                .body(containsString("Enter the end date as YYYY-MM-DD"));
        h.owner()
                .get(path(h) + "?before=not-a-cursor")
                .then()
                .statusCode(422)
                .body(containsString("That link to older records is damaged"));
        h.owner()
                .request()
                .get(path(h) + ".csv?from=03/01/2026")
                .then()
                .statusCode(422)
                .body(containsString("Enter the start date as YYYY-MM-DD"));
    }

    private History history(String name) {
        Browser owner = Browser.signedUp(name + " Owner");
        Browser admin = Browser.signedUp(name + " Admin");
        Browser editor = Browser.signedUp(name + " Editor");
        UUID team = teams.create(owner, name, PlanId.TEAMS);
        teams.add(team, admin, WorkspaceRole.ADMIN);
        teams.add(team, editor, WorkspaceRole.EDITOR);
        String created = AuditTrail.of(team).getFirst().id.toString();
        LocalDate day1 = TestClock.today().minusDays(20);
        List<String> ids = List.of(
                record(team, owner, day1, "10:00", "team.renamed", "team Old", "'Old' -> 'New'", "203.0.113.5"),
                record(
                        team,
                        admin,
                        day1.plusDays(1),
                        "11:00",
                        "member.role_changed",
                        "v@example.test",
                        "Editor -> Viewer",
                        null),
                record(team, owner, day1.plusDays(2), "09:00", "member.removed", "gone@example.test", "Editor", null),
                record(
                        team,
                        admin,
                        day1.plusDays(2),
                        "23:59:59",
                        "team.renamed",
                        "=HYPERLINK(\"http://evil.example\",\"x\")",
                        "-2+3, \"quoted\"\nsecond line",
                        "@10.0.0.1"),
                record(team, owner, day1.plusDays(3), "00:00", "team.description_changed", "team New", null, null));
        return new History(team, owner, admin, editor, day1, ids, created);
    }

    /** Writes a record through {@link AuditLog} as {@code actor} at that UTC time; answers its id. */
    private String record(
            UUID team,
            Browser actor,
            LocalDate day,
            String time,
            String action,
            String target,
            String detail,
            String ip) {
        clock.set(day.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC));
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> auditLog.record(TeamActions.signedIn(actor), team, action, target, detail, ip)
                            .id
                            .toString());
        } finally {
            clock.reset();
        }
    }

    private static List<Row> pageRows(History h, Map<String, String> filter) {
        return rows(h.owner()
                .request()
                .queryParams(filter)
                .get(path(h))
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static List<Row> csvRows(History h, Map<String, String> filter) {
        Response response = h.owner().request().queryParams(filter).get(path(h) + ".csv");
        assertThat(response.statusCode()).isEqualTo(200);
        List<List<String>> records = CsvRecords.parse(response.asString());
        assertThat(records.getFirst())
                .containsExactly("id", "time_utc", "actor", "action", "target", "detail", "ip_address");
        return records.subList(1, records.size()).stream()
                .map(record -> new Row(record.get(0), record.get(1), record.get(2), record.get(3)))
                .toList();
    }

    private static List<Row> rows(String html) {
        List<Row> rows = new ArrayList<>();
        Matcher matcher = ROW.matcher(html);
        while (matcher.find()) {
            rows.add(new Row(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
        }
        return rows;
    }

    private static List<String> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }

    private static String path(History h) {
        return "/teams/" + h.team() + "/audit";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
