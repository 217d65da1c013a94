package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.qide.account.user.User;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.GreenMailResource;
import dev.qide.support.Passwords;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An owner makes a team, gives it an OpenAI key and a project, and invites a new person by email. The test reads the
 * real mail from a local SMTP server; in a second browser the invitee follows the link, signs up, accepts, opens the
 * team's project and chats, paid by the team's key, which they never see.
 */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
@WithTestResource(GreenMailResource.class)
class TeamsBrowserTest extends BrowserTest {

    private static final String TEAM_KEY = "sk-proj-team-browser-0123456789TeAm";
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    @Test
    void anOwnerInvitesANewPersonWhoSignsUpAcceptsAndChatsOnTheTeamsKey() {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();

        // The owner creates the team from the navigation's switcher and lands on its page, working in it.
        String ownerEmail = Browser.uniqueEmail("team-owner");
        Page owner = signUp(ownerEmail, "Olivia Owner");
        owner.getByTestId("workspace-switcher").click();
        owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create a team"))
                .click();
        owner.getByLabel("Team name").fill("Rocket Lab");
        owner.getByLabel("Description").fill("Launch software");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team"))
                .click();
        owner.waitForURL("**/teams/*");
        assertThat(owner.getByTestId("team-name")).hasText("Rocket Lab");
        assertThat(owner.getByTestId("current-workspace")).hasText("Rocket Lab");
        assertThat(owner.getByTestId("upgrade-notice")).isVisible();
        UUID teamId = UUID.fromString(owner.url().substring(owner.url().lastIndexOf('/') + 1));
        Workspaces.setPlan(teamId, PlanId.TEAMS);

        // The team's OpenAI key, and a team project.
        owner.navigate(root + "settings/ai-providers");
        owner.getByLabel("The workspace's").check();
        owner.getByLabel("Provider").selectOption("openai");
        owner.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(TEAM_KEY);
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save key"))
                .click();
        assertThat(owner.locator("body")).containsText("sk-…TeAm");
        owner.navigate(root + "projects");
        owner.getByLabel("Name").fill("Flight computer");
        owner.getByLabel("Language").selectOption("PYTHON");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and open"))
                .click();
        owner.waitForURL("**/editor/**");

        // The invitation, sent from the members page.
        String invitee = Browser.uniqueEmail("newcomer");
        owner.navigate(root + "teams/" + teamId);
        owner.getByLabel("Email address").fill(invitee);
        owner.getByLabel("Role").selectOption("EDITOR");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite"))
                .click();
        assertThat(owner.getByTestId("open-invite")).containsText(invitee);
        assertThat(owner.getByTestId("seat-summary")).containsText("2 of 100 seats taken");
        Chromium.screenshot(owner, "60-team-invited");

        // The mail, read from the SMTP server; its link opened in a second, fresh browser.
        String link = GreenMailResource.awaitMail(invitee, "Rocket Lab").linkPath("/invites/");
        Page newcomer = chromium.newPage();
        newcomer.navigate(root + link.substring(1));
        assertThat(newcomer.locator("main")).containsText("Olivia Owner");
        assertThat(newcomer.locator("main")).containsText("Rocket Lab");
        Chromium.screenshot(newcomer, "61-invite-landing");
        newcomer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account"))
                .first()
                .click();
        assertThat(newcomer.getByLabel("Email")).hasValue(invitee);
        newcomer.getByLabel("Your name").fill("Nico Newcomer");
        newcomer.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(Passwords.STRONG);
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        newcomer.waitForURL("**/signup/sent");
        // The sign-up link, from the same SMTP server: opening it and giving the password makes the account.
        openFinishLink(newcomer, invitee);
        newcomer.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(Passwords.STRONG);
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account"))
                .click();
        newcomer.waitForURL("**" + link);
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and join Rocket Lab"))
                .click();
        newcomer.waitForURL("**/teams/" + teamId);
        assertThat(newcomer.getByTestId("current-workspace")).hasText("Rocket Lab");
        assertThat(newcomer.getByTestId("members")).containsText("Nico Newcomer");
        assertThat(newcomer.locator("body")).containsText("You are an editor.");
        Chromium.screenshot(newcomer, "62-team-joined");

        // The team's project, and a chat paid by the team's key.
        newcomer.navigate(root + "projects");
        newcomer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Flight computer"))
                .first()
                .click();
        newcomer.waitForURL("**/editor/**");
        newcomer.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Chat").setExact(true))
                .click();
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a conversation"))
                .click();
        upstream.script(
                "openai", FakeReply.text("Check the altimeter first.", 6).delay(Duration.ofMillis(40)));
        newcomer.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Where do I start?");
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        Locator reply = newcomer.getByTestId("reply").first();
        assertThat(reply)
                .hasAttribute(
                        "data-status", "complete", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(reply).containsText("Check the altimeter first.");
        assertThat(reply.getByTestId("paid-by")).hasText("workspace's key");
        // The panel's conversation list takes the title the first message gave the conversation.
        assertThat(newcomer.locator("#chat-switch option:checked")).hasText("Where do I start?");
        org.assertj.core.api.Assertions.assertThat(
                        upstream.lastRequest("openai").header("Authorization"))
                .isEqualTo("Bearer " + TEAM_KEY);
        Chromium.screenshot(newcomer, "63-team-chat");

        // The key itself, and even its mask, stay out of the member's pages.
        assertThat(newcomer.locator("body")).not().containsText("TeAm");
        newcomer.navigate(root + "settings/ai-providers");
        assertThat(newcomer.getByTestId("team-key")).containsText("Team key for OpenAI", SLOW);
        assertThat(newcomer.locator("body")).not().containsText("TeAm");
        Chromium.screenshot(newcomer, "64-team-key-hidden");

        // The owner's audit log has the whole story, the newcomer's chat included; it filters by action.
        owner.navigate(root + "teams/" + teamId);
        assertThat(owner.getByTestId("members")).containsText("Nico Newcomer");

        // A cap set in the members card: the news above it, the card fetched again with the cap, no reload.
        owner.onDialog(Dialog::accept);
        owner.evaluate("window.notReloaded = true");
        Locator newcomerRow = owner.locator("tr[data-member='" + invitee + "']");
        // The row as rendered now is marked, so the test can tell when the card has been fetched again (the value
        // typed below shows in the old row too).
        newcomerRow.evaluate("row => row.dataset.beforeCap = 'yes'");
        newcomerRow.getByLabel("LLM requests a day for " + invitee).fill("25");
        newcomerRow
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set"))
                .click();
        assertThat(owner.getByTestId("team-notice")).containsText("Nico Newcomer may send 25 LLM requests a day.");
        assertThat(owner.locator("tr[data-member='" + invitee + "']:not([data-before-cap]) input[name=cap]"))
                .hasValue("25");
        // A refused hand-over (a stale or altered form: to the owner herself) shows its message in the members
        // card, with the rest of the page as it was.
        UUID ownerId = QuarkusTransaction.requiringNew()
                .call(() -> User.findByEmail(ownerEmail).orElseThrow().id);
        owner.locator("tr[data-member='" + invitee + "'] input[name=userId]")
                .evaluate("(input, id) => input.value = id", ownerId.toString());
        owner.locator("tr[data-member='" + invitee + "']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make owner"))
                .click();
        assertThat(owner.getByTestId("team-error")).hasText("Choose another member to hand the team to.");
        assertThat(owner.getByLabel("Main navigation")).hasCount(1);
        assertThat(owner.getByTestId("team-members")).hasCount(1);
        assertThat(owner.getByTestId("team-name")).hasText("Rocket Lab");
        org.assertj.core.api.Assertions.assertThat(owner.evaluate("window.notReloaded"))
                .isEqualTo(true);
        Chromium.screenshot(owner, "66-team-transfer-refused");
        owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))
                .click();
        Locator log = owner.getByTestId("audit-table");
        for (String action : new String[] {
            "team.created", "provider_key.added", "invite.sent", "invite.accepted", "provider_key.decrypted"
        }) {
            assertThat(log).containsText(action);
        }
        assertThat(log).containsText(invitee);
        owner.getByLabel("Action").selectOption("invite.accepted");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(owner.getByTestId("audit-matching")).hasText("1 record matches.");
        assertThat(log.locator("tbody tr")).hasCount(1);
        Chromium.screenshot(owner, "65-team-audit");
        newcomer.context().close();
        owner.context().close();
    }
}
