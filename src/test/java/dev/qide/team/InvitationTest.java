package dev.qide.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.qide.account.user.User;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.ApiKeys;
import dev.qide.support.AuditTrail;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.GreenMailResource;
import dev.qide.support.GreenMailResource.ReceivedMail;
import dev.qide.support.Passwords;
import dev.qide.support.TestClock;
import dev.qide.support.Workspaces;
import dev.qide.web.Routes;
import dev.qide.workspace.Workspace;
import dev.qide.workspace.WorkspaceKind;
import dev.qide.workspace.WorkspaceMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Team invitations end to end, with the mail going through a real SMTP server (GreenMail). */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
@ClockSensitive
class InvitationTest {

    private static final String SUBJECT = "invited you to join";

    @Inject
    TestClock clock;

    @Test
    void aNewPersonFollowsTheMailedLinkSignsUpAndJoins() {
        Browser owner = Browser.signedUp("Olga Owner");
        UUID teamId = team(owner, "Acme Research", PlanId.TEAMS);
        owner.htmx()
                .get(Routes.teamInvites(teamId))
                .then()
                .statusCode(200)
                .body(
                        containsString("id=\"team-invites\""),
                        containsString("1 of 100 seats taken (1 member, 0 open invitations)"),
                        not(containsString("<html")));
        owner.get(Routes.teamInvites(teamId)); // the page without htmx, for its CSRF token
        String email = Browser.uniqueEmail("newcomer");

        owner.htmxPostForm(
                        Routes.teamInvites(teamId), Map.of("email", " " + email.toUpperCase() + " ", "role", "editor"))
                .then()
                .statusCode(200)
                // The members card shows the seats too: it fetches itself again on this event.
                .header("HX-Trigger", TeamInvitesResource.INVITES_CHANGED)
                .body(
                        containsString("Invited " + email + " as an editor."),
                        containsString("2 of 100 seats taken (1 member, 1 open invitation)"),
                        containsString("data-email=\"" + email + "\""),
                        containsString("Olga Owner"));

        ReceivedMail mail = GreenMailResource.awaitMail(email, SUBJECT);
        assertThat(mail.subject()).isEqualTo("Olga Owner invited you to join Acme Research on Q-IDE");
        assertThat(mail.text()).contains("Acme Research", "as an editor", "The link works until");
        String link = mail.linkPath("/invites/");
        assertThat(mail.text()).contains("http://localhost:8081" + link);
        String token = link.substring("/invites/".length());
        assertThat(storedInvite(teamId, email).tokenHash).isNotEqualTo(token).hasSize(64);

        Browser newcomer = new Browser();
        String signupHref = "/signup?next=" + URLEncoder.encode(link, StandardCharsets.UTF_8) + "&amp;email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8);
        newcomer.get(link)
                .then()
                .statusCode(200)
                .body(
                        containsString("Olga Owner invited " + email + " to join Acme Research as an editor"),
                        containsString(signupHref),
                        containsString("/login?next=" + URLEncoder.encode(link, StandardCharsets.UTF_8)),
                        not(containsString("Decline")));

        newcomer.htmx()
                .get(link)
                .then()
                .statusCode(200)
                .body(not(containsString("<!DOCTYPE")), containsString("Olga Owner invited " + email));
        newcomer.request()
                .urlEncodingEnabled(false)
                .get(signupHref.replace("&amp;", "&"))
                .then()
                .statusCode(200)
                .body(
                        containsString("value=\"" + email + "\""),
                        containsString("name=\"next\" value=\"" + link + "\""));
        newcomer.get("/signup"); // for the form's CSRF token
        Response sent = newcomer.postForm(
                "/signup",
                Map.of("email", email, "displayName", "Nina New", "password", Passwords.STRONG, "next", link));
        sent.then().statusCode(303).header("Location", endsWith("/signup/sent"));
        newcomer.finishSignUp(sent, email, Passwords.STRONG, 0)
                .then()
                .statusCode(303)
                .header("Location", endsWith(link));
        newcomer.get(link)
                .then()
                .statusCode(200)
                .body(containsString("Signed in as <strong>" + email), containsString("Accept and join Acme Research"));

        newcomer.postForm(link + "/accept", Map.of())
                .then()
                .statusCode(303)
                .header("Location", endsWith(Routes.team(teamId)));
        assertThat(roleOf(teamId, email)).isEqualTo(WorkspaceRole.EDITOR);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> User.findByEmail(email).orElseThrow().isEmailVerified()))
                .as("accepting proves the address")
                .isTrue();
        TeamInvite accepted = storedInvite(teamId, email);
        assertThat(accepted.status).isEqualTo(InviteStatus.ACCEPTED);
        assertThat(accepted.resolvedAt).isNotNull();
        newcomer.api()
                .get("/api/auth/me")
                .then()
                .body("workspace.id", equalTo(teamId.toString()), "workspace.name", equalTo("Acme Research"));
        newcomer.get("/settings").then().body(containsString("Welcome to Acme Research! You joined as an editor."));
        assertThat(AuditTrail.actionsOf(teamId)).contains("invite.sent", "invite.accepted", "member.joined");
        assertThat(AuditTrail.of(teamId))
                .anySatisfy(event -> assertThat(event.action + " " + event.target + " " + event.detail)
                        .isEqualTo("invite.sent " + email + " Editor"));

        // The link worked once: now it says so, and nothing more happens.
        newcomer.get(link).then().statusCode(409).body(containsString("You are already a member"));
        newcomer.postForm(link + "/accept", Map.of()).then().statusCode(409);
        new Browser().get(link).then().statusCode(409).body(containsString("was already accepted"));
        assertThat(memberCount(teamId)).isEqualTo(2);
    }

    @Test
    void linksThatCannotBeUsedSayWhyAndChangeNothing() {
        Browser owner = Browser.signedUp("Rita Owner");
        UUID teamId = team(owner, "Refusals", PlanId.TEAMS);

        Browser stranger = Browser.signedUp("Sam Stranger");
        stranger.get("/invites/made-up-token")
                .then()
                .statusCode(404)
                .body(containsString("Invitation not found"), containsString("This invitation link is not valid"));
        stranger.htmx()
                .get("/invites/made-up-token")
                .then()
                .statusCode(404)
                .body(not(containsString("<!DOCTYPE")), containsString("Invitation not found"));
        stranger.get("/dashboard");
        stranger.postForm("/invites/made-up-token/accept", Map.of()).then().statusCode(404);

        // Revoked.
        Browser revokedPerson = Browser.signedUp("Rob Revoked");
        String revokedLink = invite(owner, teamId, revokedPerson.email(), "viewer");
        UUID revokedId = storedInvite(teamId, revokedPerson.email()).id;
        owner.get(Routes.teamInvites(teamId));
        owner.htmxPostForm(Routes.teamInvites(teamId) + "/" + revokedId + "/revoke", Map.of())
                .then()
                .statusCode(200)
                .body(
                        containsString("Revoked the invitation to " + revokedPerson.email()),
                        containsString("No open invitations."));
        revokedPerson.get(revokedLink).then().statusCode(410).body(containsString("Refusals withdrew this invitation"));
        revokedPerson.get("/dashboard");
        revokedPerson.postForm(revokedLink + "/accept", Map.of()).then().statusCode(410);

        // Expired.
        Browser late = Browser.signedUp("Lena Late");
        String lateLink = invite(owner, teamId, late.email(), "editor");
        try {
            clock.advance(Duration.ofDays(7).plusMinutes(1));
            late.get(lateLink).then().statusCode(410).body(containsString("expired on"), containsString("Rita Owner"));
            late.postForm(lateLink + "/accept", Map.of()).then().statusCode(410);
        } finally {
            clock.reset();
        }

        // Someone else signed in.
        Browser intended = Browser.signedUp("Ivy Intended");
        String wrongLink = invite(owner, teamId, intended.email(), "editor");
        stranger.get(wrongLink)
                .then()
                .statusCode(403)
                .body(
                        containsString("This invitation is for " + intended.email()),
                        containsString("you are signed in as " + stranger.email()),
                        containsString("Sign out of " + stranger.email()));
        stranger.postForm(wrongLink + "/accept", Map.of()).then().statusCode(403);
        stranger.postForm("/logout", Map.of("next", wrongLink))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/login?next=" + URLEncoder.encode(wrongLink, StandardCharsets.UTF_8)));

        // Declined, then used.
        intended.get(wrongLink).then().statusCode(200);
        intended.postForm(wrongLink + "/decline", Map.of())
                .then()
                .statusCode(303)
                .header("Location", endsWith("/dashboard"));
        assertThat(storedInvite(teamId, intended.email()).status).isEqualTo(InviteStatus.DECLINED);
        intended.get(wrongLink).then().statusCode(409).body(containsString("was already declined"));
        intended.postForm(wrongLink + "/accept", Map.of()).then().statusCode(409);

        assertThat(memberCount(teamId)).isEqualTo(1);
        assertThat(storedInvite(teamId, revokedPerson.email()).status).isEqualTo(InviteStatus.REVOKED);
        assertThat(storedInvite(teamId, late.email()).status).isEqualTo(InviteStatus.PENDING);
        assertThat(AuditTrail.actionsOf(teamId))
                .contains("invite.revoked", "invite.declined")
                .doesNotContain("invite.accepted", "member.joined");
    }

    @Test
    void resendingSendsANewLinkAndTheOldOneStopsWorking() {
        Browser owner = Browser.signedUp("Rhea Owner");
        UUID teamId = team(owner, "Resenders", PlanId.TEAMS);
        String email = Browser.uniqueEmail("again");
        String firstLink = invite(owner, teamId, email, "admin");
        UUID inviteId = storedInvite(teamId, email).id;
        String resend = Routes.teamInvites(teamId) + "/" + inviteId + "/resend";

        owner.get(Routes.teamInvites(teamId));
        owner.htmxPostForm(resend, Map.of())
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body(containsString("less than a minute ago"));
        try {
            clock.advance(Duration.ofMinutes(2));
            owner.htmxPostForm(resend, Map.of())
                    .then()
                    .statusCode(200)
                    .body(containsString("Sent the invitation to " + email + " again"));
        } finally {
            clock.reset();
        }
        assertThat(GreenMailResource.mailsTo(email)).hasSize(2);
        String secondLink = GreenMailResource.awaitMail(email, SUBJECT).linkPath("/invites/");
        assertThat(secondLink).isNotEqualTo(firstLink);

        new Browser().get(firstLink).then().statusCode(404);
        new Browser().get(secondLink).then().statusCode(200).body(containsString("as an admin"));
        assertThat(AuditTrail.actionsOf(teamId)).containsSubsequence("invite.sent", "invite.resent");
    }

    @Test
    void seatsPlansAndInputLimitInvitations() {
        Browser owner = Browser.signedUp("Fay Free");
        UUID freeTeam = team(owner, "Free Folk", PlanId.FREE);
        owner.get(Routes.teamInvites(freeTeam))
                .then()
                .statusCode(200)
                .body(
                        containsString("The Free plan has no team members besides the owner."),
                        not(containsString("name=\"email\"")));
        owner.postForm(Routes.teamInvites(freeTeam), Map.of("email", Browser.uniqueEmail("nope"), "role", "editor"))
                .then()
                .statusCode(422)
                .body(containsString("Upgrade to Teams in Billing to invite people."));

        UUID teamId = team(owner, "Full House", PlanId.TEAMS);
        owner.get(Routes.teamInvites(teamId));
        owner.htmxPostForm(Routes.teamInvites(teamId), Map.of("email", "not-an-address", "role", "editor"))
                .then()
                .statusCode(422)
                .body(
                        containsString("Enter an email address like name@example.com."),
                        containsString("value=\"not-an-address\""));
        owner.htmxPostForm(Routes.teamInvites(teamId), Map.of("email", Browser.uniqueEmail("boss"), "role", "owner"))
                .then()
                .statusCode(422)
                .body(containsString("Choose admin, editor or viewer."));
        owner.htmxPostForm(Routes.teamInvites(teamId), Map.of("email", owner.email(), "role", "editor"))
                .then()
                .statusCode(422)
                .body(containsString(owner.email() + " is already a member of Full House."));
        String twice = Browser.uniqueEmail("twice");
        invite(owner, teamId, twice, "viewer");
        owner.htmxPostForm(Routes.teamInvites(teamId), Map.of("email", twice, "role", "viewer"))
                .then()
                .statusCode(422)
                .body(containsString(twice + " is already invited — resend it instead."));

        // 1 member + 1 invitation so far; fill the other 98 of TEAMS' 100 seats.
        fillSeats(teamId, 98);
        owner.htmxPostForm(Routes.teamInvites(teamId), Map.of("email", Browser.uniqueEmail("extra"), "role", "viewer"))
                .then()
                .statusCode(422)
                .body(containsString("Every seat is taken: 100 of 100 seats taken (1 member, 99 open invitations)."));
        assertThat(openInvites(teamId)).isEqualTo(99);

        // A team that lost its team features keeps its invitations, but they cannot be accepted until it upgrades.
        Browser invited = Browser.signedUp("Dora Downgraded");
        UUID downgraded = team(owner, "Shrinking Co", PlanId.TEAMS);
        String link = invite(owner, downgraded, invited.email(), "editor");
        Workspaces.setPlan(downgraded, PlanId.FREE);
        invited.get(link).then().statusCode(409).body(containsString("is on the Free plan now"));
        invited.get("/dashboard");
        invited.postForm(link + "/accept", Map.of()).then().statusCode(409);
        assertThat(memberCount(downgraded)).isEqualTo(1);
        Workspaces.setPlan(downgraded, PlanId.TEAMS);
        invited.get(link).then().statusCode(200);
        invited.postForm(link + "/accept", Map.of()).then().statusCode(303);
        assertThat(roleOf(downgraded, invited.email())).isEqualTo(WorkspaceRole.EDITOR);
    }

    @Test
    void onlyAdminsInviteAndStrangersSeeNoTeam() {
        Browser owner = Browser.signedUp("Ada Admin");
        UUID teamId = team(owner, "Roles Inc", PlanId.TEAMS);
        Browser viewer = Browser.signedUp("Vic Viewer");
        Browser editor = Browser.signedUp("Eve Editor");
        Browser admin = Browser.signedUp("Abe Admin");
        addMember(teamId, viewer.email(), WorkspaceRole.VIEWER);
        addMember(teamId, editor.email(), WorkspaceRole.EDITOR);
        addMember(teamId, admin.email(), WorkspaceRole.ADMIN);
        String pending = Browser.uniqueEmail("pending");
        invite(owner, teamId, pending, "viewer");

        viewer.htmx()
                .get(Routes.teamInvites(teamId))
                .then()
                .statusCode(200)
                .body(containsString(pending), not(containsString("name=\"email\"")), not(containsString("Revoke")));
        for (Browser member : new Browser[] {viewer, editor}) {
            member.get("/dashboard");
            member.postForm(Routes.teamInvites(teamId), Map.of("email", Browser.uniqueEmail("x"), "role", "viewer"))
                    .then()
                    .statusCode(403)
                    .body(containsString("Only owners and admins can manage members and invitations."));
            member.postForm(Routes.teamInvites(teamId) + "/" + storedInvite(teamId, pending).id + "/revoke", Map.of())
                    .then()
                    .statusCode(403);
        }
        String byAdmin = Browser.uniqueEmail("byadmin");
        admin.get(Routes.teamInvites(teamId));
        admin.postForm(Routes.teamInvites(teamId), Map.of("email", byAdmin, "role", "admin"))
                .then()
                .statusCode(303)
                .header("Location", endsWith(Routes.team(teamId)));
        admin.postForm(Routes.teamInvites(teamId) + "/" + storedInvite(teamId, byAdmin).id + "/revoke", Map.of())
                .then()
                .statusCode(303)
                .header("Location", endsWith(Routes.team(teamId)));
        admin.get("/settings").then().body(containsString("Revoked the invitation to " + byAdmin));

        Browser stranger = Browser.signedUp("Stan Stranger");
        stranger.get(Routes.teamInvites(teamId)).then().statusCode(404).body(containsString(TeamAccess.NOT_FOUND));
        stranger.postForm(Routes.teamInvites(teamId), Map.of("email", Browser.uniqueEmail("y"), "role", "viewer"))
                .then()
                .statusCode(404);
        stranger.postForm(Routes.teamInvites(teamId) + "/" + storedInvite(teamId, pending).id + "/resend", Map.of())
                .then()
                .statusCode(404);
        new Browser().request().get(Routes.teamInvites(teamId)).then().statusCode(303);
        assertThat(openInvites(teamId)).isEqualTo(1);
    }

    @Test
    void theJsonApiInvitesListsAcceptsAndRemoves() {
        Browser owner = Browser.signedUp("Jo Json");
        UUID teamId = team(owner, "Api Crew", PlanId.TEAMS);
        Browser invitee = Browser.signedUp("Kim Key");
        owner.get("/dashboard");

        String invitePath = "/api/teams/" + teamId + "/members";
        Response created = owner.api()
                .body(Map.of("email", invitee.email(), "role", "viewer"))
                .post(invitePath);
        created.then()
                .statusCode(201)
                .body(
                        "id", notNullValue(),
                        "email", equalTo(invitee.email()),
                        "role", equalTo("VIEWER"),
                        "status", equalTo("PENDING"),
                        "expires_at", notNullValue(),
                        "invited_by", equalTo(owner.email()));
        String link = GreenMailResource.awaitMail(invitee.email(), SUBJECT).linkPath("/invites/");
        String token = link.substring("/invites/".length());
        assertThat(created.asString()).doesNotContain(token).doesNotContain("token");

        owner.api()
                .body(Map.of("email", invitee.email(), "role", "viewer"))
                .post(invitePath)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("already invited"));
        owner.api()
                .body(Map.of("email", Browser.uniqueEmail("o"), "role", "owner"))
                .post(invitePath)
                .then()
                .statusCode(422)
                .body("detail", containsString("Choose admin, editor or viewer"));
        owner.api()
                .get("/api/teams/" + teamId + "/invites")
                .then()
                .statusCode(200)
                .body("invites.email", hasItem(invitee.email()), "invites[0].invited_by", equalTo(owner.email()));

        invitee.get("/dashboard");
        invitee.api()
                .post("/api/teams/" + UUID.randomUUID() + "/invites/" + token + "/accept")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        invitee.api()
                .get("/api/teams/" + teamId + "/invites")
                .then()
                .statusCode(404)
                .body("detail", equalTo(TeamAccess.NOT_FOUND));
        invitee.api()
                .post("/api/teams/" + teamId + "/invites/" + token + "/accept")
                .then()
                .statusCode(200)
                .body("team_id", equalTo(teamId.toString()), "role", equalTo("VIEWER"));
        invitee.api()
                .post("/api/teams/" + teamId + "/invites/" + token + "/accept")
                .then()
                .statusCode(409)
                .body("detail", equalTo("You are already a member of Api Crew."));
        invitee.api()
                .body(Map.of("email", Browser.uniqueEmail("v"), "role", "viewer"))
                .post(invitePath)
                .then()
                .statusCode(403);

        // API keys: the scope is needed, and a key reaches only the workspace it was made in.
        Workspaces.setPlanOf(owner.email(), PlanId.PRO);
        String withoutScope = ApiKeys.create(owner, "no teams", "projects:read");
        String personalKey = ApiKeys.create(owner, "teams elsewhere", "teams");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(withoutScope)
                .get("/api/teams/" + teamId + "/invites")
                .then()
                .statusCode(403)
                .body("detail", containsString("teams scope"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(personalKey)
                .get("/api/teams/" + teamId + "/invites")
                .then()
                .statusCode(404);

        UUID inviteeId = QuarkusTransaction.requiringNew()
                .call(() -> User.findByEmail(invitee.email()).orElseThrow().id);
        owner.api().delete(invitePath + "/" + inviteeId).then().statusCode(204);
        owner.api().delete(invitePath + "/" + inviteeId).then().statusCode(404);
        assertThat(memberCount(teamId)).isEqualTo(1);
        assertThat(AuditTrail.actionsOf(teamId))
                .contains("invite.sent", "invite.accepted", "member.joined", "member.removed");

        new Browser()
                .request()
                .accept("application/json")
                .get("/api/openapi")
                .then()
                .body(
                        containsString("/api/teams/{teamId}/members"),
                        containsString("/api/teams/{teamId}/invites/{token}/accept"));
    }

    // -- set-up and reading back -----------------------------------------------------------------------------------

    /** A team owned by the browser's person (what the teams page does; built here directly). */
    private static UUID team(Browser owner, String name, PlanId plan) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findByEmail(owner.email()).orElseThrow();
            Workspace team = Workspace.create(name, WorkspaceKind.TEAM, plan, TestClock.now());
            team.persist();
            WorkspaceMember.create(team, user, WorkspaceRole.OWNER, TestClock.now())
                    .persist();
            return team.id;
        });
    }

    private static void addMember(UUID teamId, String email, WorkspaceRole role) {
        QuarkusTransaction.requiringNew().run(() -> WorkspaceMember.create(
                        Workspace.findById(teamId), User.findByEmail(email).orElseThrow(), role, TestClock.now())
                .persist());
    }

    /** Invites through the card as a browser does; answers the link path from the mail that arrived. */
    private static String invite(Browser admin, UUID teamId, String email, String role) {
        admin.get(Routes.teamInvites(teamId));
        admin.postForm(Routes.teamInvites(teamId), Map.of("email", email, "role", role))
                .then()
                .statusCode(303);
        return GreenMailResource.awaitMail(email, SUBJECT).linkPath("/invites/");
    }

    private static void fillSeats(UUID teamId, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = TestClock.now();
            for (int i = 0; i < count; i++) {
                TeamInvite invite = new TeamInvite();
                invite.id = UUID.randomUUID();
                invite.workspaceId = teamId;
                invite.email = "seat-" + i + "-" + teamId + "@example.test";
                invite.role = WorkspaceRole.VIEWER;
                invite.tokenHash = UUID.randomUUID().toString().replace("-", "") + i;
                invite.status = InviteStatus.PENDING;
                invite.createdAt = now;
                invite.sentAt = now;
                invite.expiresAt = now.plus(Duration.ofDays(7));
                invite.persist();
            }
        });
    }

    private static TeamInvite storedInvite(UUID teamId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> TeamInvite.<TeamInvite>find(
                        "workspaceId = ?1 and email = ?2 order by createdAt desc", teamId, email)
                .firstResult());
    }

    private static long openInvites(UUID teamId) {
        return QuarkusTransaction.requiringNew().call(() -> TeamInvite.countOpen(teamId, TestClock.now()));
    }

    private static long memberCount(UUID teamId) {
        return QuarkusTransaction.requiringNew().call(() -> WorkspaceMember.countIn(teamId));
    }

    private static WorkspaceRole roleOf(UUID teamId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UUID userId = User.findByEmail(email).orElseThrow().id;
            return WorkspaceMember.find(teamId, userId)
                    .map(member -> member.role)
                    .orElse(null);
        });
    }
}
