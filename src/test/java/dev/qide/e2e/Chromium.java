package dev.qide.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Playwright driving the system's Chromium (Playwright's own browser download is switched off). Without Chromium the
 * browser tests are skipped on a developer machine, but fail in CI, where a skipped browser test would hide a gap.
 */
public final class Chromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = Path.of(System.getenv().getOrDefault("QIDE_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            String message =
                    "Chromium not found at " + executable + " (apt-get install chromium, or set QIDE_CHROMIUM)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create();
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** A fresh browser profile: its own cookies, like a second person or a private window. */
    public Page newPage() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))
                .newPage();
        page.setDefaultTimeout(20_000);
        return page;
    }

    /** A page with JavaScript switched off, signed in as {@code signedIn} is (its cookies copied). */
    public Page newPageWithoutJavaScript(Page signedIn) {
        return newPageSignedInAs(signedIn, false);
    }

    /** A fresh browser profile (an empty cache) signed in as {@code signedIn} is (its cookies copied). */
    public Page newPageSignedInAs(Page signedIn) {
        return newPageSignedInAs(signedIn, true);
    }

    private Page newPageSignedInAs(Page signedIn, boolean javaScript) {
        Page page = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 860)
                        .setJavaScriptEnabled(javaScript)
                        .setStorageState(signedIn.context().storageState()))
                .newPage();
        page.setDefaultTimeout(20_000);
        return page;
    }

    /** Signs out through the account menu, as a person would. */
    public static void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account menu"))
                .click();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign out").setExact(true))
                .click();
    }

    /** Saves a full-page screenshot to target/screenshots/{name}.png for a person to look at. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
