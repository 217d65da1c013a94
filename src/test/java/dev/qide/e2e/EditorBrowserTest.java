package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.qide.plan.PlanId;
import dev.qide.run.Sandbox;
import dev.qide.support.Browser;
import dev.qide.support.SandboxAvailability;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A person's first project: create it, add a file in the tree, type in Monaco, see it saved, run it, read the output. */
@QuarkusTest
class EditorBrowserTest extends BrowserTest {

    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    @Inject
    Sandbox sandbox;

    @Test
    void signUpCreateAProjectWriteMainPyRunItAndReadTheOutput() {
        SandboxAvailability.require(sandbox.unavailableReason());
        String email = Browser.uniqueEmail("coder");
        Page page = signUp(email, "Casey Coder");
        // Running code is a paid feature; billing is a later piece of work, so the test sets the plan directly.
        Workspaces.setPlanOf(email, PlanId.PRO);

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Projects").setExact(true))
                .first()
                .click();
        page.getByLabel("Name").fill("Hello Q-IDE");
        page.getByLabel("Language").selectOption("PYTHON");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and open"))
                .click();
        page.waitForURL("**/editor/**");
        assertThat(page.getByTestId("project-name")).hasText("Hello Q-IDE");
        // The README opens first, highlighted by Monaco.
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("# Hello Q-IDE", SLOW);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New file"))
                .click();
        Locator newFileName = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("New file"));
        newFileName.fill("main.py");
        newFileName.press("Enter");
        Locator tab = page.locator(".editor-tab.active");
        assertThat(tab).containsText("main.py");
        assertThat(page.locator("#file-tree")).containsText("main.py");

        page.locator(".monaco-editor .view-lines").click();
        typeLines(page, "import sys", "print(\"Hello from Q-IDE\")", "print(6 * 7, file=sys.stderr)");
        assertThat(page.getByTestId("save-status"))
                .hasText("Saved", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(page.locator("#status-language")).hasText("Python");
        assertThat(page.locator("#status-position")).containsText("Ln 4");
        Chromium.screenshot(page, "10-editor-saved");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run"))
                .click();
        assertThat(page.getByTestId("run-summary")).containsText("Exit code 0", SLOW);
        assertThat(page.getByTestId("output")).containsText("Hello from Q-IDE");
        assertThat(page.locator("#output .stderr").first()).containsText("42");
        Chromium.screenshot(page, "11-editor-run-output");

        // What was typed is on the server: a fresh page shows it.
        page.reload();
        page.locator("#file-tree").getByText("main.py").click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello from Q-IDE", SLOW);
        page.context().close();
    }

    @Test
    void onTheFreePlanRunExplainsTheUpgradeAndHistoryToo() {
        Page page = signUp(Browser.uniqueEmail("free"), "Free Person");
        page.navigate(root + "projects");
        page.getByLabel("Name").fill("Free project");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and open"))
                .click();
        page.waitForURL("**/editor/**");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("# Free project", SLOW);
        // Run says before any click that the plan leaves code execution out, and where to change that.
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run")))
                .isDisabled();
        assertThat(page.getByTestId("run-refusal")).containsText("does not include code execution");
        assertThat(page.getByTestId("run-refusal")
                        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See plans")))
                .hasAttribute("href", "/pricing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("History"))
                .click();
        assertThat(page.locator("#history-panel")).containsText("File history is part of the");
        Chromium.screenshot(page, "12-editor-free-plan");

        // Uploads: UTF-8 text lands in the tree; anything else is refused with the reason.
        page.locator("#upload-input").setInputFiles(new FilePayload[] {
            new FilePayload("notes.txt", "text/plain", "caf\u00e9 notes\n".getBytes(StandardCharsets.UTF_8)),
            new FilePayload("latin1.txt", "text/plain", new byte[] {'c', 'a', 'f', (byte) 0xE9})
        });
        assertThat(page.locator("#file-tree")).containsText("notes.txt");
        assertThat(page.locator("#toasts")).containsText("latin1.txt: Only UTF-8 text files can be stored");
        assertThat(page.locator("#file-tree")).not().containsText("latin1.txt");

        page.getByLabel("Project settings").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sharing")))
                .isVisible();
        Chromium.screenshot(page, "15-project-settings");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Projects").setExact(true))
                .first()
                .click();
        assertThat(page.getByTestId("project-list")).containsText("Free project");
        Chromium.screenshot(page, "16-projects-list");
        page.context().close();
    }

    @Test
    void twoTabsNeverOverwriteEachOtherAndHistoryComparesAndRestores() {
        String email = Browser.uniqueEmail("tabs");
        Page first = signUp(email, "Two Tabs");
        Workspaces.setPlanOf(email, PlanId.PRO);
        first.navigate(root + "projects");
        first.getByLabel("Name").fill("Tabs");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and open"))
                .click();
        first.waitForURL("**/editor/**");
        assertThat(first.locator(".monaco-editor .view-lines")).containsText("# Tabs", SLOW);
        typeAtEnd(first, "\nWritten in tab one.");
        assertThat(first.getByTestId("save-status"))
                .hasText("Saved", new LocatorAssertions.HasTextOptions().setTimeout(15_000));

        // A second tab of the same person opens the same file, then the first tab saves again.
        Page second = first.context().newPage();
        List<String> problems = new ArrayList<>();
        second.onConsoleMessage(message -> {
            boolean expectedConflict = message.text().contains("409");
            if ((message.type().equals("error") || message.type().equals("warning")) && !expectedConflict) {
                problems.add(message.text());
            }
        });
        second.navigate(first.url());
        assertThat(second.locator(".monaco-editor .view-lines")).containsText("Written in tab one.", SLOW);
        typeAtEnd(first, " And again.");
        assertThat(first.getByTestId("save-status"))
                .hasText("Saved", new LocatorAssertions.HasTextOptions().setTimeout(15_000));

        // The second tab's save started from an older revision: a conflict, not an overwrite.
        typeAtEnd(second, "\nWritten in tab two.");
        assertThat(second.locator("#conflict-bar"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        assertThat(second.getByTestId("save-status")).hasText("Conflict: not saved");
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare"))
                .first()
                .click();
        assertThat(second.locator("#compare-bar")).containsText("saved by someone else");
        // Monaco marks the line only tab two has.
        assertThat(second.locator("#diff .line-insert").first()).isVisible();
        Chromium.screenshot(second, "13-editor-conflict-compare");
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep mine"))
                .click();
        assertThat(second.getByTestId("save-status"))
                .hasText("Saved", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(second.locator("#conflict-bar")).isHidden();

        // History lists every saved state; an older one can be compared and restored as a new version.
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("History"))
                .click();
        Locator versions = second.getByTestId("history-list").locator("li");
        assertThat(versions.first()).containsText("current");
        assertThat(versions).hasCount(3);
        versions.nth(2)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Compare"))
                .click();
        assertThat(second.locator("#diff .line-insert").first()).isVisible();
        Chromium.screenshot(second, "14-editor-history-compare");
        versions.nth(2)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore"))
                .click();
        assertThat(versions).hasCount(4);
        assertThat(second.locator(".monaco-editor .view-lines").first()).not().containsText("Written in tab two.");
        org.assertj.core.api.Assertions.assertThat(problems)
                .as("console errors and warnings")
                .isEmpty();
        first.context().close();
    }

    /**
     * Types each line and then Enter. Monaco's word suggestions can pop up while typing and would take the Enter
     * (on a loaded machine they appear late and at random), so each line first dismisses them, as a person would.
     */
    private static void typeLines(Page page, String... lines) {
        for (String line : lines) {
            page.keyboard().type(line);
            page.keyboard().press("Escape");
            page.keyboard().press("Enter");
        }
    }

    /** Types at the very end of the open file, as a person who clicked there would. */
    private static void typeAtEnd(Page page, String text) {
        page.locator("#monaco .view-lines").click();
        page.keyboard().press("Control+End");
        page.keyboard().type(text);
    }
}
