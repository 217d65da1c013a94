package dev.qide.quota;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.quota.QuotaService.UsageReport;
import dev.qide.web.ByteSizes;
import dev.qide.web.Htmx;
import dev.qide.web.ResetTimes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** The usage page: a meter per limit with its reset time, and 30 days of API calls and LLM requests. */
@Path("/billing/usage")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class UsageResource {

    static final int CHART_DAYS = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance usage(UsageView view);

        static native TemplateInstance usage$content(UsageView view);
    }

    /**
     * The report, the chart, the person's own share of the LLM requests when the team's admins set one (null when
     * they share the pool), and the helpers the template formats with.
     */
    public record UsageView(
            SignedInUser user, UsageReport report, UsageChart chart, long apiCalls30, long llm30, MeterUsage share) {

        public String resetsIn(Instant at) {
            return ResetTimes.in(report.at(), at);
        }

        public String bytes(long amount) {
            return ByteSizes.format(amount);
        }
    }

    private final QuotaService quotas;
    private final CurrentUser currentUser;

    UsageResource(QuotaService quotas, CurrentUser currentUser) {
        this.quotas = quotas;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        var api = quotas.daily(user.workspaceId(), Meter.API_CALLS, CHART_DAYS);
        var llm = quotas.daily(user.workspaceId(), Meter.LLM_REQUESTS, CHART_DAYS);
        UsageView view = new UsageView(
                user,
                quotas.report(user.workspaceId()),
                UsageChart.of(api, "API calls", llm, "LLM requests"),
                api.stream().mapToLong(QuotaService.DailyCount::count).sum(),
                llm.stream().mapToLong(QuotaService.DailyCount::count).sum(),
                quotas.memberShare(user.workspaceId(), user.userId(), Meter.LLM_REQUESTS)
                        .orElse(null));
        return Htmx.wantsFragment(headers) ? Templates.usage$content(view) : Templates.usage(view);
    }
}
