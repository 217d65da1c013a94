package dev.qide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Our own assets: pages name them by versioned URLs cached as immutable; plain URLs revalidate, old versions move on. */
@QuarkusTest
class StaticAssetsTest {

    private static final Pattern VERSIONED = Pattern.compile("\"/static/([0-9a-f]{12})(/(?:css|js|img)/[^\"]+)\"");

    @Test
    void aPageNamesEveryOwnAssetByItsVersionedUrl() {
        String page = new Browser()
                .request()
                .get("/login")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(page).doesNotContain("\"/css/", "\"/js/", "\"/img/");
        assertThat(assets(page))
                .contains("/css/app.css", "/js/theme.js", "/js/app.js", "/img/favicon.svg", "/img/logo.svg");
    }

    @Test
    void theEditorLoadsItsModulesUnderTheVersionedPrefix() {
        Browser browser = Browser.signedUp("Versioned Editor");
        String id = browser.createProject("versioned");
        String page = browser.request()
                .get("/editor/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(assets(page)).contains("/js/editor/main.js", "/css/editor.css", "/js/chat.js");
    }

    @Test
    void theVersionedUrlIsCachedAsImmutableAndServesTheCurrentFile() {
        String version = version();
        Response versioned = new Browser().request().get("/static/" + version + "/js/editor/tabs.js");
        Response plain = new Browser().request().get("/js/editor/tabs.js");

        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(versioned.contentType()).contains("javascript");
        assertThat(versioned.asString()).isEqualTo(plain.asString()).contains("export");
    }

    @Test
    void unversionedUrlsAreRevalidatedNotImmutable() {
        for (String path : List.of("/js/app.js", "/css/app.css", "/img/logo.svg", "/js/editor/main.js")) {
            Response response = new Browser().request().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.header("Cache-Control")).as(path).isEqualTo("no-cache");
        }
    }

    @Test
    void anOldOrWrongVersionIsSentToTheCurrentOneNeverServedAsImmutable() {
        String version = version();
        for (String old : List.of("000000000000", "not-a-version", version.toUpperCase())) {
            Response response = new Browser().request().get("/static/" + old + "/js/app.js");
            assertThat(response.statusCode()).as(old).isEqualTo(302);
            assertThat(response.header("Location")).isEqualTo("/static/" + version + "/js/app.js");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void pathsOutsideTheAssetFoldersAreNotFound() {
        String version = version();
        for (String path : List.of(
                "/static/" + version + "/application.properties",
                "/static/" + version + "/js/../../application.properties",
                "/static/" + version + "/js/%2e%2e/%2e%2e/application.properties",
                "/static/" + version + "/js/no-such.js",
                "/static/" + version,
                "/static/")) {
            Response response = new Browser().request().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(String.valueOf(response.header("Cache-Control")))
                    .as(path)
                    .doesNotContain("immutable");
        }
    }

    private static String version() {
        String page = new Browser().request().get("/login").asString();
        Matcher matcher = VERSIONED.matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static List<String> assets(String page) {
        return VERSIONED.matcher(page).results().map(result -> result.group(2)).toList();
    }
}
