package dev.qide.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.AwkwardReply;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A person adds their OpenAI key, tests it, and chats in the editor: a reply streams in, one is stopped part-way,
 * and one goes on through a reload and ends complete. The provider is a local fake speaking OpenAI's wire format.
 */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class ChatBrowserTest extends BrowserTest {

    private static final String KEY = "sk-proj-browser-test-0123456789WxYz";
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    /** Keeps what a streaming reply's text showed just before its end replaced it with the finished reply. */
    private static final String WATCH_THE_END_OF_A_STREAM =
            """
            () => document.body.addEventListener("htmx:sseBeforeMessage", (event) => {
              if (event.detail.type !== "done") return;
              const text = event.target.closest("[data-testid=reply]").querySelector("[data-testid=reply-text]");
              window.shownBeforeTheEnd = { text: text.textContent, rendered: text.innerText };
            })""";

    /** The text of the file open in the editor (Monaco's model). */
    private static final String OPEN_FILE_TEXT =
            "() => window.require('vs/editor/editor.main').editor.getModels().map((m) => m.getValue())"
                    + ".find((text) => text.includes('# Chatty'))";

    @Test
    void addAKeyTestItAskInTheEditorStopOneReplyAndResumeAnotherAfterAReload() {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();
        String email = Browser.uniqueEmail("chatter");
        Page page = signUp(email, "Charlie Chat");
        Workspaces.setPlanOf(email, PlanId.PRO);

        // The key: saved, shown masked, tested.
        page.navigate(root + "settings/ai-providers");
        page.getByLabel("Provider").selectOption("openai");
        page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(KEY);
        page.getByLabel("Default model").selectOption("gpt-4o-mini");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save key"))
                .click();
        assertThat(page.getByTestId("masked-key")).hasText("sk-…WxYz");
        assertThat(page.locator("body")).not().containsText(KEY);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test the OpenAI key"))
                .click();
        assertThat(page.getByTestId("test-result")).containsText("Connected", SLOW);
        Chromium.screenshot(page, "40-ai-providers");

        // A project, its editor, and the chat panel.
        page.navigate(root + "projects");
        page.getByLabel("Name").fill("Chatty");
        page.getByLabel("Language").selectOption("PYTHON");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and open"))
                .click();
        page.waitForURL("**/editor/**");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("# Chatty", SLOW);
        openChat(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a conversation"))
                .click();

        // 1. A reply streams in, then shows as Markdown with its code block's buttons.
        upstream.script(
                "openai",
                FakeReply.text("Here is how:\n\n```python\nprint(\"hi\")\n```\n\nThat prints hi.", 12)
                        .delay(Duration.ofMillis(120)));
        ask(page, "How do I print in Python?");
        Locator first = page.getByTestId("reply").first();
        assertThat(first).hasAttribute("data-status", "streaming");
        assertThat(first)
                .hasAttribute(
                        "data-status", "complete", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(first.locator("pre code")).hasText("print(\"hi\")\n");
        assertThat(first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Insert into editor")))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(
                        upstream.lastRequest("openai").json().path("messages").toString())
                .as("the open file goes along as context")
                .contains("# Chatty");
        Chromium.screenshot(page, "41-chat-complete");

        // 2. A reply an event stream could easily change (indents of spaces and tabs, CRLF and lone CR, blank lines,
        // a line of spaces, characters beyond the BMP): as it streams the page shows the provider's text exactly, and
        // once it ends, without a reload, its code block, Copy and Insert into editor give the code exactly.
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.evaluate(WATCH_THE_END_OF_A_STREAM);
        upstream.script("openai", FakeReply.text(AwkwardReply.TEXT, 40).delay(Duration.ofMillis(60)));
        ask(page, "Show me some awkward code");
        Locator awkward = page.getByTestId("reply").nth(1);
        assertThat(awkward.getByTestId("reply-text")).containsText("return None", SLOW);
        Chromium.screenshot(page, "41a-chat-streaming-code");
        assertThat(awkward)
                .hasAttribute(
                        "data-status", "complete", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        @SuppressWarnings("unchecked")
        Map<String, String> shown = (Map<String, String>) page.evaluate("() => window.shownBeforeTheEnd");
        String finishedCode = awkward.locator("pre code").textContent();
        awkward.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy"))
                .click();
        assertThat(awkward.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copied")))
                .isVisible();
        Object copied = page.evaluate("() => navigator.clipboard.readText()");
        awkward.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Insert into editor"))
                .click();
        String openFile = (String) page.evaluate(OPEN_FILE_TEXT);
        assertAll(
                () -> assertEquals(AwkwardReply.TEXT, shown.get("text"), "the streamed text in the page"),
                () -> assertEquals(AwkwardReply.TEXT, shown.get("rendered"), "the streamed text as rendered"),
                () -> assertEquals(AwkwardReply.CODE, finishedCode, "the finished reply's code block"),
                () -> assertEquals(AwkwardReply.CODE, copied, "what Copy copied"),
                () -> assertTrue(
                        openFile.startsWith(AwkwardReply.CODE + "# Chatty"),
                        "the open file starts with the inserted code: " + openFile));
        Chromium.screenshot(page, "41b-chat-exact-code");

        // 3. A long reply, stopped part-way: what was written stays.
        String long1 = IntStream.range(0, 300).mapToObj(i -> "alpha" + i).collect(Collectors.joining(" "));
        upstream.script("openai", FakeReply.text(long1, 300).delay(Duration.ofMillis(60)));
        ask(page, "Tell me everything");
        Locator second = page.getByTestId("reply").nth(2);
        assertThat(second.getByTestId("reply-text")).containsText("alpha5", SLOW);
        second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop the reply"))
                .click();
        assertThat(second)
                .hasAttribute(
                        "data-status", "cancelled", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        assertThat(second).containsText("stopped");
        assertThat(second.getByTestId("reply-text")).containsText("alpha5");
        assertThat(second.getByTestId("reply-text")).not().containsText("alpha299");
        Chromium.screenshot(page, "42-chat-stopped");

        // 4. Another long reply; the page reloads while it streams; it resumes and ends complete, every word once.
        String long2 = IntStream.range(0, 80).mapToObj(i -> "beta" + i).collect(Collectors.joining(" ")) + ".";
        upstream.script("openai", FakeReply.text(long2, 80).delay(Duration.ofMillis(50)));
        ask(page, "Count in Greek");
        assertThat(page.getByTestId("reply").nth(3).getByTestId("reply-text")).containsText("beta3", SLOW);
        page.reload();
        openChat(page);
        Locator third = page.getByTestId("reply").nth(3);
        assertThat(third)
                .hasAttribute(
                        "data-status", "complete", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(third.getByTestId("reply-text")).hasText(long2);
        Chromium.screenshot(page, "43-chat-resumed");
    }

    @Test
    void chatWithoutAProjectOnTheChatPage() {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();
        String email = Browser.uniqueEmail("asker");
        Page page = signUp(email, "Avery Asker");
        page.navigate(root + "chat");
        assertThat(page.getByText("add a key for a provider your plan allows"))
                .not()
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a conversation"))
                .click();
        assertThat(page.locator("#chat-conversation")).containsText("Settings, AI providers");

        page.navigate(root + "settings/ai-providers");
        page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(KEY);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save key"))
                .click();
        assertThat(page.getByTestId("masked-key")).hasText("sk-…WxYz");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Chat").setExact(true))
                .first()
                .click();
        upstream.script(
                "openai",
                FakeReply.text("A **list** keeps order:\n\n- one\n- two", 8).delay(Duration.ofMillis(60)));
        ask(page, "What is a list?");
        Locator reply = page.getByTestId("reply").first();
        assertThat(reply)
                .hasAttribute(
                        "data-status", "complete", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(reply.locator("strong")).hasText("list");
        assertThat(reply.locator("li")).hasCount(2);
        assertThat(page.getByTestId("conversation-title")).hasText("What is a list?");
        assertThat(page.getByTestId("conversation-list")).containsText("What is a list?");
        Chromium.screenshot(page, "44-chat-page");
    }

    private static void openChat(Page page) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Chat").setExact(true))
                .click();
        assertThat(page.locator("#chat-conversation")).isVisible();
    }

    private static void ask(Page page, String question) {
        Locator input = page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
        input.fill(question);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(page.getByTestId("user-message").last()).containsText(question);
    }
}
