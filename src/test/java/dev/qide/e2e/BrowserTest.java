package dev.qide.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** A browser suite: one Chromium for the class, and the address of the application under test. */
@Tag("browser")
abstract class BrowserTest {

    @TestHTTPResource("/")
    URL root;

    static Chromium chromium;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
