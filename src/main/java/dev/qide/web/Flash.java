package dev.qide.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A one-time message carried across a redirect ("Saved.", "Signed out.") in a short-lived cookie. It is shown by
 * the next full page, then forgotten. Texts are always escaped when rendered.
 */
@RequestScoped
public class Flash {

    static final String COOKIE = "qide_flash";
    private static final int MAX_AGE_SECONDS = 120;
    private static final int MAX_TEXT = 300;

    /** A message and how it should look: success, info, warning or danger (Bootstrap's alert colours). */
    public record Message(String level, String text) {}

    private final RoutingContext routing;
    private Message outgoing;
    private boolean consumed;
    private boolean cookieHandlerAdded;

    Flash(RoutingContext routing) {
        this.routing = routing;
    }

    public void success(String text) {
        send(new Message("success", text));
    }

    public void info(String text) {
        send(new Message("info", text));
    }

    public void warning(String text) {
        send(new Message("warning", text));
    }

    /** The message that arrived with this request, if any; asking marks it as shown. */
    public Message consume() {
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return null;
        }
        consumed = true;
        writeCookieWithHeaders();
        String decoded = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
        int bar = decoded.indexOf('|');
        if (bar < 0) {
            return null;
        }
        String level = decoded.substring(0, bar);
        if (!level.matches("success|info|warning|danger")) {
            return null;
        }
        String text = decoded.substring(bar + 1);
        return new Message(level, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
    }

    private void send(Message message) {
        // Messages may quote what was sent; the cookie carrying them stays small whatever that was.
        String text = message.text().length() > MAX_TEXT
                ? message.text().substring(0, MAX_TEXT - 1) + "\u2026"
                : message.text();
        outgoing = new Message(message.level(), text);
        writeCookieWithHeaders();
    }

    /** Templates render after resources return, so the cookie is decided when the headers go out. */
    private void writeCookieWithHeaders() {
        if (cookieHandlerAdded) {
            return;
        }
        cookieHandlerAdded = true;
        routing.addHeadersEndHandler(ignored -> {
            Cookie cookie = responseCookie();
            if (cookie != null) {
                routing.response().headers().add("Set-Cookie", cookie.encode());
            }
        });
    }

    /** The cookie to send with this response: the new message, a deletion of the shown one, or nothing. */
    private Cookie responseCookie() {
        if (outgoing != null) {
            String value = URLEncoder.encode(outgoing.level() + "|" + outgoing.text(), StandardCharsets.UTF_8);
            return Cookies.httpOnly(COOKIE, value, "/", MAX_AGE_SECONDS, routing.request());
        }
        return consumed ? Cookies.httpOnly(COOKIE, "", "/", 0, routing.request()) : null;
    }
}
