package dev.qide.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What opening the editor costs a browser: a person signs up, creates a project, and the editor page is loaded in a
 * fresh profile (cold, empty cache), then again in a new tab of the same profile (warm). For each load it prints the
 * bytes that crossed the wire (Chromium's own count, headers included, compressed as Chromium asked with its own
 * {@code Accept-Encoding}), the number of requests and how many the cache answered, and the time from navigation
 * start until Monaco is editable (the first file's text shown and the editor's input area present). It asserts
 * nothing about time. Run with {@code ./mvnw verify -Pbench -Dtest=EditorPageWeightBenchmark} (needs Chromium, as
 * the browser suites do).
 */
@QuarkusTest
@Tag("benchmark")
class EditorPageWeightBenchmark extends BrowserTest {

    private static final int WARM_LOADS = 5;

    /** Navigation start to editable Monaco, in milliseconds, once the first file's text is on screen. */
    private static final String EDITABLE =
            """
            () => {
              const input = document.querySelector('#monaco .monaco-editor textarea');
              const lines = document.querySelector('#monaco .monaco-editor .view-lines');
              const shown = !document.getElementById('monaco').hidden;
              return input && shown && lines && lines.textContent.trim().length > 0 ? performance.now() : null;
            }""";

    @Test
    void editorPageWeightColdAndWarm() {
        Page person = signUp(Browser.uniqueEmail("weight"), "Page Weight");
        person.navigate(root + "projects");
        person.getByLabel("Name").fill("Weight");
        person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and open"))
                .click();
        person.waitForURL("**/editor/**");
        String editor = person.url();

        Page cold = chromium.newPageSignedInAs(person);
        person.context().close();
        print("cold (empty cache)", load(cold, editor), true);
        for (int i = 1; i <= WARM_LOADS; i++) {
            Page warm = cold.context().newPage();
            print("warm " + i + " (cached)", load(warm, editor), i == WARM_LOADS);
            warm.close();
        }
        cold.context().close();
    }

    private static Load load(Page page, String url) {
        Load load = new Load();
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.on("Network.requestWillBeSent", event -> load.sent(event));
        cdp.on("Network.requestWillBeSentExtraInfo", event -> load.sentHeaders(event));
        cdp.on("Network.responseReceived", event -> load.received(event));
        cdp.on(
                "Network.requestServedFromCache",
                event -> load.fromCache(event.get("requestId").getAsString()));
        cdp.on("Network.loadingFinished", event -> load.finished(event));
        cdp.send("Network.enable");
        page.navigate(url);
        load.editableMillis = ((Number) page.waitForFunction(EDITABLE).jsonValue()).doubleValue();
        // Requests the editor starts once it shows the file (Monaco's worker, the tree refresh) finish too.
        page.waitForLoadState(LoadState.NETWORKIDLE);
        cdp.detach();
        return load;
    }

    private static void print(String what, Load load, boolean listResources) {
        System.out.printf(
                Locale.ROOT,
                "BENCH editor page %-19s transferred %,9d bytes | %3d requests (%d from cache) | editable after %6.0f ms"
                        + " | Accept-Encoding: %s%n",
                what,
                load.transferred(),
                load.requests.size(),
                load.cached(),
                load.editableMillis,
                load.acceptEncoding);
        if (listResources) {
            load.requests.values().stream()
                    .sorted(Comparator.comparingLong((Request r) -> r.bytes).reversed())
                    .forEach(r -> System.out.printf(
                            Locale.ROOT,
                            "BENCH   %,9d bytes %-6s %-5s %s%n",
                            r.bytes,
                            r.encoding == null ? "-" : r.encoding,
                            r.cached ? "cache" : String.valueOf(r.status),
                            r.url));
        }
    }

    /** One request of a load, as Chromium's network events tell it. */
    private static final class Request {
        final String url;
        long bytes;
        int status;
        boolean cached;
        String encoding;

        Request(String url) {
            this.url = url;
        }
    }

    /** The requests of one page load, keyed by Chromium's request id. */
    private static final class Load {
        final Map<String, Request> requests = new LinkedHashMap<>();
        String acceptEncoding = "(not seen)";
        double editableMillis;

        synchronized void sent(JsonObject event) {
            String url = event.getAsJsonObject("request").get("url").getAsString();
            if (!url.startsWith("data:")) {
                requests.putIfAbsent(event.get("requestId").getAsString(), new Request(url));
            }
        }

        synchronized void sentHeaders(JsonObject event) {
            for (Map.Entry<String, JsonElement> header :
                    event.getAsJsonObject("headers").entrySet()) {
                if (header.getKey().equalsIgnoreCase("accept-encoding")) {
                    acceptEncoding = header.getValue().getAsString();
                }
            }
        }

        synchronized void received(JsonObject event) {
            Request request = requests.get(event.get("requestId").getAsString());
            if (request == null) {
                return;
            }
            JsonObject response = event.getAsJsonObject("response");
            request.status = response.get("status").getAsInt();
            if (response.has("fromDiskCache") && response.get("fromDiskCache").getAsBoolean()) {
                request.cached = true;
            }
            for (Map.Entry<String, JsonElement> header :
                    response.getAsJsonObject("headers").entrySet()) {
                if (header.getKey().equalsIgnoreCase("content-encoding")) {
                    request.encoding = header.getValue().getAsString();
                }
            }
        }

        synchronized void fromCache(String requestId) {
            Request request = requests.get(requestId);
            if (request != null) {
                request.cached = true;
            }
        }

        synchronized void finished(JsonObject event) {
            Request request = requests.get(event.get("requestId").getAsString());
            if (request != null) {
                request.bytes = (long) event.get("encodedDataLength").getAsDouble();
            }
        }

        synchronized long transferred() {
            return requests.values().stream().mapToLong(r -> r.bytes).sum();
        }

        synchronized long cached() {
            return requests.values().stream().filter(r -> r.cached).count();
        }
    }
}
