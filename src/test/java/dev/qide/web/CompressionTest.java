package dev.qide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Text answers travel gzipped to a client that accepts it (pages, fragments, JSON, our assets, Monaco from its
 * webjar); the body is the same once unzipped. Event streams are compressed by no one.
 */
@QuarkusTest
class CompressionTest {

    @Test
    void aPageIsGzipped() throws IOException {
        assertThat(gunzip(gzipped(new Browser().request(), "/login"))).contains("<html");
    }

    @Test
    void aFragmentAndJsonAreGzipped() throws IOException {
        Browser browser = Browser.signedUp("Zipped");
        assertThat(gunzip(gzipped(browser.htmx(), "/dashboard"))).doesNotContain("<html");
        assertThat(gunzip(gzipped(browser.api(), "/api/auth/me"))).contains("\"workspace\"");
    }

    @Test
    void ourScriptsStylesAndIconsAreGzipped() throws IOException {
        assertThat(gunzip(gzipped(new Browser().request(), "/js/app.js"))).contains("htmx");
        assertThat(gunzip(gzipped(new Browser().request(), "/css/app.css"))).contains("{");
        assertThat(gunzip(gzipped(new Browser().request(), "/img/logo.svg"))).contains("<svg");
    }

    @Test
    void monacoFromItsWebjarIsGzipped() throws IOException {
        Response response =
                gzippedResponse(new Browser().request(), "/webjars/monaco-editor/min/vs/editor/editor.main.js");
        assertThat(response.asByteArray().length).isLessThan(1_200_000);
        assertThat(gunzip(response.asByteArray())).hasSizeGreaterThan(3_000_000);
    }

    @Test
    void withoutAcceptEncodingNothingIsCompressed() {
        Response response = RestAssured.given()
                .config(RestAssured.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity")
                .get("/js/app.js");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Encoding")).isIn(null, "identity");
    }

    private static byte[] gzipped(RequestSpecification request, String path) {
        return gzippedResponse(request, path).asByteArray();
    }

    /** Asks as Chromium does and keeps the body as it came over the wire. */
    private static Response gzippedResponse(RequestSpecification request, String path) {
        Response response = request.config(RestAssured.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.header("Content-Encoding")).as(path).isEqualTo("gzip");
        return response;
    }

    private static String gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
