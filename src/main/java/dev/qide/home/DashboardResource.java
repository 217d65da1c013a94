package dev.qide.home;

import dev.qide.billing.BillingService;
import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.Entitlements;
import dev.qide.plan.Plan;
import dev.qide.project.Project;
import dev.qide.project.ProjectService;
import dev.qide.quota.QuotaService;
import dev.qide.web.Htmx;
import dev.qide.web.ResetTimes;
import dev.qide.web.Routes;
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
import java.util.List;

/** Where people land after signing in: a welcome, recent projects, their plan, and what to do next. */
@Path(Routes.DASHBOARD)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(
                SignedInUser user,
                Plan plan,
                List<Project> recent,
                List<LimitNotice> limits,
                Instant graceEndsAt,
                List<FirstSteps.Step> steps);

        static native TemplateInstance dashboard$content(
                SignedInUser user,
                Plan plan,
                List<Project> recent,
                List<LimitNotice> limits,
                Instant graceEndsAt,
                List<FirstSteps.Step> steps);
    }

    private final CurrentUser currentUser;
    private final Entitlements entitlements;
    private final ProjectService projects;
    private final QuotaService quotas;
    private final BillingService billing;
    private final FirstSteps firstSteps;

    /** A meter at or past its limit, said the way the dashboard banner says it. */
    public record LimitNotice(String label, String phrase, long used, String limit, String resetsIn) {}

    DashboardResource(
            CurrentUser currentUser,
            Entitlements entitlements,
            ProjectService projects,
            QuotaService quotas,
            BillingService billing,
            FirstSteps firstSteps) {
        this.currentUser = currentUser;
        this.entitlements = entitlements;
        this.projects = projects;
        this.quotas = quotas;
        this.billing = billing;
        this.firstSteps = firstSteps;
    }

    @GET
    public TemplateInstance dashboard(@Context HttpHeaders headers) {
        SignedInUser user = currentUser.require();
        Plan plan = entitlements.plan(user.plan());
        List<Project> recent = projects.recent(user, 6);
        QuotaService.UsageReport usage = quotas.report(user.workspaceId());
        List<LimitNotice> limits = usage.meters().stream()
                .filter(meter -> !meter.limit().unlimited() && meter.limit().amount() > 0 && meter.remaining() == 0)
                .map(meter -> new LimitNotice(
                        meter.meter().label(),
                        meter.meter().period().phrase(),
                        meter.used(),
                        meter.limit().display(),
                        ResetTimes.in(usage.at(), meter.resetsAt())))
                .toList();
        // A failed payment: the plan holds until the grace period ends, and the dashboard says so.
        Instant graceEndsAt = billing.summary(user.workspaceId()).graceEndsAt();
        List<FirstSteps.Step> steps = firstSteps.of(user, plan, recent);
        return Htmx.wantsFragment(headers)
                ? Templates.dashboard$content(user, plan, recent, limits, graceEndsAt, steps)
                : Templates.dashboard(user, plan, recent, limits, graceEndsAt, steps);
    }
}
