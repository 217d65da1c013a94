package dev.qide.quota;

import dev.qide.identity.ApiScope;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.RequiresScope;
import dev.qide.identity.SignedInUser;
import dev.qide.quota.QuotaService.UsageReport;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/billing/usage}: every meter of the caller's workspace with used, limit and reset time. */
@Path("/api/billing/usage")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresScope(ApiScope.BILLING_READ)
public class UsageApiResource {

    /** One meter; {@code limit} is null when unlimited, {@code resets_at} null for standing meters. */
    public record MeterView(String meter, String label, long used, Long limit, boolean unlimited, Instant resetsAt) {}

    /** The caller's own share of a meter, set by the team's admins: used and cap today. */
    public record MemberView(String meter, long used, long limit, Instant resetsAt) {}

    /** Every meter; {@code member} is the caller's own share when the team capped it (null: they share the pool). */
    public record UsageView(String plan, List<MeterView> meters, MemberView member, Instant at) {}

    private final QuotaService quotas;
    private final CurrentUser currentUser;

    UsageApiResource(QuotaService quotas, CurrentUser currentUser) {
        this.quotas = quotas;
        this.currentUser = currentUser;
    }

    @GET
    public UsageView usage() {
        SignedInUser user = currentUser.require();
        UsageReport report = quotas.report(user.workspaceId());
        List<MeterView> meters = new ArrayList<>();
        report.meters()
                .forEach(usage -> meters.add(new MeterView(
                        usage.meter().id(),
                        usage.meter().label(),
                        usage.used(),
                        usage.limit().unlimited() ? null : usage.limit().amount(),
                        usage.limit().unlimited(),
                        usage.resetsAt())));
        report.standing()
                .forEach(standing -> meters.add(new MeterView(
                        standing.id(),
                        standing.label(),
                        standing.used(),
                        standing.limit().unlimited() ? null : standing.limit().amount(),
                        standing.limit().unlimited(),
                        null)));
        MemberView member = quotas.memberShare(user.workspaceId(), user.userId(), Meter.LLM_REQUESTS)
                .map(share -> new MemberView(
                        share.meter().id(), share.used(), share.limit().amount(), share.resetsAt()))
                .orElse(null);
        return new UsageView(report.plan().id().name(), meters, member, report.at());
    }
}
