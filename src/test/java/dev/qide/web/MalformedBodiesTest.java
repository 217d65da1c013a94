package dev.qide.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies the REST layer cannot read are the sender's mistake: a 400 (415 for an unknown charset) that says what is
 * wrong, on every form and JSON operation, and no stack trace in the log (anyone could fill it).
 */
@QuarkusTest
class MalformedBodiesTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BOUNDARY = "cutShortBoundary";

    private final CapturedLog log = new CapturedLog();

    @BeforeEach
    void watchTheLog() {
        log.start();
    }

    @AfterEach
    void noStackTraces() {
        log.stop();
        assertThat(log.withStackTraces()).isEmpty();
    }

    @Test
    void moreThanAThousandFormFieldsAreRefusedOnTheSignInForms() {
        String fields = IntStream.range(0, 1_001).mapToObj(i -> "f" + i + "=1").collect(Collectors.joining("&"));
        for (String form : List.of("/login", "/signup", "/forgot-password")) {
            given().contentType(FORM)
                    .body(fields)
                    .post(form)
                    .then()
                    .statusCode(400)
                    .body(containsString("more fields than this server reads"));
        }
    }

    @Test
    void anInvalidEscapeInAFormIsRefused() {
        for (String body : List.of("email=%zz", "%zz=x", "email=a%", "email=%e")) {
            given().contentType(FORM)
                    .body(body)
                    .post("/login")
                    .then()
                    .statusCode(400)
                    .body(containsString("does not start an escape"));
        }
        given().contentType(FORM)
                .header("HX-Request", "true")
                .body("email=%zz")
                .post("/forgot-password")
                .then()
                .statusCode(400)
                .header("HX-Retarget", equalTo("#toasts"));
    }

    @Test
    void aFormInACharsetNobodyKnowsIsRefused() throws Exception {
        // REST Assured refuses to encode for a charset it does not know either: a plain HTTP client sends it as is.
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/forgot-password"))
                                .header("Content-Type", FORM + "; charset=klingon")
                                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.example"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("send UTF-8");
    }

    @Test
    void aMultipartBodyCutShortIsRefused() {
        Browser person = Browser.signedUp("Cut Short");
        person.get("/dashboard");
        person.request()
                .header("X-CSRF-TOKEN", person.csrfToken())
                .contentType("multipart/form-data; boundary=" + BOUNDARY)
                .body(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end in sight"))
                .post("/verify-email/resend")
                .then()
                .statusCode(400)
                .body(containsString("ended before it was complete"));
    }

    @Test
    void aContentTypeThatIsNotOneIsRefused() {
        Browser person = Browser.signedUp("Odd Type");
        person.api()
                .contentType(";;;/")
                .body(bytes("a=b"))
                .post("/api/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not a media type"));
    }

    @Test
    void jsonNestedDeeperThanAThousandIsRefusedEverywhereIncludingV1() {
        Browser person = Browser.signedUp("Deep Nester");
        String deep = "{\"name\":\"Deep\",\"extra\":" + "{\"a\":".repeat(1_001) + "1" + "}".repeat(1_002);
        person.api()
                .body(deep)
                .post("/api/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("nested too deeply"));
        String objects = "{\"a\":".repeat(1_001) + "1" + "}".repeat(1_001);
        person.api()
                .body(objects)
                .put("/api/settings/llm-config")
                .then()
                .statusCode(400)
                .body("detail", containsString("nested too deeply"));
        String key = ApiKeys.create(person, "Deep", "chat");
        ApiKeys.bearer(key)
                .body("{\"model\":\"gpt-4o-mini\",\"messages\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(400)
                .body("error.message", containsString("nested too deeply"));
    }

    @Test
    void aFieldNamedTwiceIsRefusedAndCreatesNothing() {
        Browser person = Browser.signedUp("Twice Named");
        person.api().get("/api/teams").then().statusCode(200);
        for (String body : List.of("{\"name\":\"a\",\"name\":7}", "{\"name\":7,\"name\":\"a\"}")) {
            person.api()
                    .body(body)
                    .post("/api/teams")
                    .then()
                    .statusCode(400)
                    .body("detail", containsString("names a field twice"));
        }
        person.api().get("/api/teams").then().body("teams", hasSize(0));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aValueOfTheWrongTypeSaysWhichField() {
        Browser person = Browser.signedUp("Wrong Type");
        person.api()
                .body("{\"name\":\"Typed\",\"language\":[\"python\"]}")
                .post("/api/projects")
                .then()
                .statusCode(400)
                .body("detail", equalTo("\"language\" has the wrong type: send text."));
    }
}
