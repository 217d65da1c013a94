package dev.qide.home;

import dev.qide.identity.CurrentUser;
import dev.qide.identity.SignedInUser;
import dev.qide.plan.PlanCatalog;
import dev.qide.web.CsrfToken;
import dev.qide.web.Flash;
import dev.qide.web.NavItem;
import dev.qide.web.Routes;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.runtime.BlockingOperationControl;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the page layout needs on every page: who is signed in, where they work, the navigation and the flash
 * message. Templates reach it as {@code inject:page}.
 */
@RequestScoped
@Named("page")
public class PageContext {

    private final CurrentUser currentUser;
    private final Flash flash;
    private final PlanCatalog plans;
    private final HttpServerRequest request;
    private final CsrfToken csrf;

    private SignedInUser user;
    private boolean userLoaded;
    private Flash.Message flashMessage;
    private boolean flashLoaded;
    private List<WorkspaceMember> workspaces;

    PageContext(CurrentUser currentUser, Flash flash, PlanCatalog plans, HttpServerRequest request, CsrfToken csrf) {
        this.currentUser = currentUser;
        this.flash = flash;
        this.plans = plans;
        this.request = request;
        this.csrf = csrf;
    }

    /** The CSRF token for this page's forms. */
    public String csrfToken() {
        return csrf.value();
    }

    /** The signed-in person, or null on an anonymous page. */
    public SignedInUser user() {
        if (!userLoaded) {
            user = currentUser.get().orElse(null);
            userLoaded = true;
        }
        return user;
    }

    public boolean signedIn() {
        return user() != null;
    }

    /** light, dark or auto: the value of the page's theme attribute. */
    public String theme() {
        return signedIn() ? user().theme().name().toLowerCase(Locale.ROOT) : "auto";
    }

    /** Display name of the current workspace's plan. */
    public String planName() {
        return signedIn() ? plans.plan(user().plan()).name() : "";
    }

    /** The flash message that came with this request, shown once. */
    public Flash.Message flash() {
        if (!flashLoaded) {
            flashMessage = flash.consume();
            flashLoaded = true;
        }
        return flashMessage;
    }

    /**
     * The workspaces the person may switch to (personal first, then teams), for the navigation's switcher. Empty on
     * pages rendered on an I/O thread (a 404 for an unknown path), where the database may not be read.
     */
    public List<WorkspaceMember> workspaces() {
        if (workspaces == null) {
            workspaces = signedIn() && BlockingOperationControl.isBlockingAllowed()
                    ? WorkspaceMember.membershipsOf(user().userId())
                    : List.of();
        }
        return workspaces;
    }

    /** Whether the current workspace is a team. */
    public boolean inTeam() {
        return workspaces().stream()
                .anyMatch(member -> member.workspace.id.equals(user().workspaceId()) && member.workspace.isTeam());
    }

    public List<NavItem> nav() {
        List<NavItem> items = new ArrayList<>();
        if (!signedIn()) {
            return items;
        }
        items.add(item("Dashboard", Routes.DASHBOARD, "speedometer2"));
        items.add(item("Projects", Routes.PROJECTS, "folder2-open"));
        items.add(item("Chat", Routes.CHAT, "chat-dots"));
        items.add(item("Billing", Routes.BILLING, "credit-card"));
        items.add(item("Teams", Routes.TEAMS, "people"));
        items.add(item("Settings", Routes.SETTINGS, "gear"));
        if (user().platformAdmin()) {
            items.add(item("Admin", Routes.ADMIN, "shield-lock"));
        }
        return items;
    }

    /** The path of this request, for links that come back here (e.g. sign-in's "next"). */
    public String path() {
        return request.path();
    }

    private NavItem item(String label, String href, String icon) {
        String path = request.path();
        boolean active = path.equals(href) || path.startsWith(href + "/");
        return new NavItem(label, href, icon, active);
    }
}
