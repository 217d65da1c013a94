package dev.qide.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.support.Browser;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What chat tests do as a person in the browser would: add keys, start conversations, send messages. */
public final class ChatTestSupport {

    private static final Pattern REPLY_ID = Pattern.compile("id=\"message-([0-9a-f-]{36})\"[^>]*data-testid=\"reply\"");

    private ChatTestSupport() {}

    /** Saves a personal provider key through the AI providers page, as its owner would. */
    public static void addKey(Browser browser, String provider, String key, String model) {
        browser.get("/settings/ai-providers");
        Response saved = browser.postForm(
                "/settings/ai-providers",
                Map.of("owner", "PERSONAL", "provider", provider, "apiKey", key, "model", model));
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
    }

    /** Starts a conversation about no project; answers its id. */
    static UUID startConversation(Browser browser) {
        browser.get("/chat");
        Response started = browser.postForm("/chat/new", Map.of());
        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.header("Location");
        browser.get(location.replaceFirst("^https?://[^/]+", ""));
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Sends a message as the composer does (htmx); answers the id of the reply that streams. */
    static UUID send(Browser browser, UUID conversationId, String content, String modelChoice) {
        Response sent = browser.htmxPostForm(
                "/chat/" + conversationId + "/messages", Map.of("content", content, "model_choice", modelChoice));
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(200);
        Matcher matcher = REPLY_ID.matcher(sent.asString());
        assertThat(matcher.find()).as(sent.asString()).isTrue();
        return UUID.fromString(matcher.group(1));
    }

    static String streamPath(UUID replyId) {
        return "/chat/messages/" + replyId + "/stream";
    }
}
