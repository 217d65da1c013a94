package dev.qide.audit.view;

import dev.qide.audit.AuditLog;
import dev.qide.identity.ClientInfo;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.WorkspaceAction;
import dev.qide.team.TeamAccess;
import dev.qide.team.TeamAccess.Team;
import dev.qide.web.HttpProblem;
import dev.qide.web.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A team's audit log as a CSV file, with the same filters (and so the same records) as the page. The export itself
 * is audited once the file is written.
 */
@Path(AuditRoutes.EXPORT)
@Authenticated
public class AuditExportResource {

    static final String CSV = "text/csv; charset=UTF-8; header=present";

    private final CurrentUser currentUser;
    private final TeamAccess teams;
    private final AuditSearch search;
    private final AuditExport export;
    private final AuditLog audit;
    private final Clock clock;

    AuditExportResource(
            CurrentUser currentUser,
            TeamAccess teams,
            AuditSearch search,
            AuditExport export,
            AuditLog audit,
            Clock clock) {
        this.currentUser = currentUser;
        this.teams = teams;
        this.search = search;
        this.export = export;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @Produces("text/csv")
    public Response export(
            UUID teamId,
            @RestQuery String actor,
            @RestQuery String action,
            @RestQuery String from,
            @RestQuery String to,
            @Context HttpServerRequest request) {
        Team team = teams.require(currentUser.require(), teamId, WorkspaceAction.VIEW_AUDIT);
        search.upgradeReason(team.workspace()).ifPresent(reason -> {
            throw new HttpProblem(403, reason);
        });
        AuditFilter filter = AuditFilter.parse(actor, action, from, to);
        if (!filter.valid()) {
            throw new InvalidInputException(filter.errors());
        }
        AuditQuery query = new AuditQuery(teamId, filter);
        long matching = query.count();
        String ipAddress = ClientInfo.of(request).ipAddress();
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            long written = export.write(query, writer);
            writer.flush();
            QuarkusTransaction.requiringNew()
                    .run(() -> audit.record(
                            team.actor(),
                            teamId,
                            "audit.exported",
                            "audit log",
                            written + (written == 1 ? " record: " : " records: ") + filter.describe(),
                            ipAddress));
        };
        return Response.ok(body)
                .type(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(team) + "\"")
                .header("X-Export-Matching", matching)
                .header("X-Export-Rows", Math.min(matching, AuditExport.MAX_ROWS))
                .build();
    }

    /** {@code audit-<team-name>-2026-03-01.csv}, in characters any file system and header takes. */
    private String fileName(Team team) {
        String name = team.workspace()
                .name
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (name.length() > 60) {
            name = name.substring(0, 60).replaceAll("-+$", "");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return "audit-" + (name.isEmpty() ? "team" : name) + "-" + today + ".csv";
    }
}
