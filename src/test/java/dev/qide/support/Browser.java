package dev.qide.support;

import static io.restassured.RestAssured.given;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser for REST Assured tests: keeps cookies between requests, and sends forms the way a page does,
 * with the CSRF token read from the page it came from.
 */
public class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    /** The cookies received, for clients other than REST Assured (an SSE reader). */
    private final Map<String, String> jar = new java.util.concurrent.ConcurrentHashMap<>();

    private final io.restassured.filter.Filter jarFilter = (request, response, context) -> {
        Response answer = context.next(request, response);
        answer.getDetailedCookies().forEach(cookie -> {
            if (cookie.getValue() == null || cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                jar.remove(cookie.getName());
            } else {
                jar.put(cookie.getName(), cookie.getValue());
            }
        });
        return answer;
    };
    private String csrfToken;

    /** A new person with an account, signed in. */
    public static Browser signedUp(String displayName) {
        Browser browser = new Browser();
        browser.signUp(uniqueEmail(displayName), displayName, Passwords.STRONG);
        return browser;
    }

    public static String uniqueEmail(String hint) {
        String local = hint.toLowerCase().replaceAll("[^a-z0-9]", "");
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private String email;

    public String email() {
        return email;
    }

    /**
     * Signs up as a person does: the form, then the link mailed to the address, where the password is given again.
     * Answers the last response: the one that starts the session (303 to where the person was going), or the form's
     * own answer when it refused what was typed (422) or when no link came (the address has an account, whose owner
     * was told instead).
     */
    public Response signUp(String email, String displayName, String password) {
        this.email = email;
        get("/signup");
        int earlier = SignUpMail.finishLinks(email).size();
        Response sent = postForm("/signup", Map.of("email", email, "displayName", displayName, "password", password));
        return sent.statusCode() == 303 ? finishSignUp(sent, email, password, earlier) : sent;
    }

    /** The second half of {@link #signUp}: the newest link mailed to {@code address} since {@code earlier}, if any. */
    public Response finishSignUp(Response sent, String address, String password, int earlier) {
        String link = SignUpMail.newFinishLink(address, earlier);
        if (link == null) {
            return sent;
        }
        get(link);
        return postForm("/signup/confirm", Map.of("token", SignUpMail.token(link), "password", password));
    }

    public Response logIn(String email, String password) {
        this.email = email;
        get("/login");
        return postForm("/login", Map.of("email", email, "password", password));
    }

    public Response logOut() {
        get("/settings");
        return postForm("/logout", Map.of());
    }

    /** A request with this browser's cookies; redirects are not followed, so tests see them. */
    public RequestSpecification request() {
        return given().filter(cookies).filter(jarFilter).redirects().follow(false);
    }

    /** A JSON API call as the editor's script makes it: session cookie plus the CSRF header. */
    public RequestSpecification api() {
        RequestSpecification request = request().accept("application/json").contentType("application/json");
        return csrfToken == null ? request : request.header("X-CSRF-TOKEN", csrfToken);
    }

    /** Creates a Python project through the API; answers its id. */
    public String createProject(String name) {
        return api().body(Map.of("name", name, "description", "About " + name, "language", "python"))
                .post("/api/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The id of this person's current workspace. */
    public UUID workspaceId() {
        return UUID.fromString(
                api().get("/api/auth/me").then().statusCode(200).extract().path("workspace.id"));
    }

    /** A request as htmx sends it. */
    public RequestSpecification htmx() {
        return request().header("HX-Request", "true");
    }

    /** GETs a page and remembers the CSRF token in it, like a browser that will submit its forms. */
    public Response get(String path) {
        Response response = request().get(path);
        rememberCsrfToken(response.asString());
        return response;
    }

    /** Posts a form with the CSRF token of the last page seen. */
    public Response postForm(String path, Map<String, String> fields) {
        return form(request(), fields).post(path);
    }

    /** Posts a form through htmx (the token travels in the field, as the hidden input does). */
    public Response htmxPostForm(String path, Map<String, String> fields) {
        return form(htmx(), fields).post(path);
    }

    /** The Cookie header this browser sends. */
    public String cookieHeader() {
        return jar.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public String csrfToken() {
        return csrfToken;
    }

    private RequestSpecification form(RequestSpecification request, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            all.put("csrf-token", csrfToken);
        }
        request.contentType("application/x-www-form-urlencoded; charset=UTF-8");
        all.forEach(request::formParam);
        return request;
    }

    private void rememberCsrfToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (matcher.find()) {
            csrfToken = matcher.group(1);
        }
    }
}
