package dev.qide.chat.conversation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Chat settings (QIDE_CHAT_*). */
@ConfigMapping(prefix = "qide.chat")
public interface ChatConfig {

    /** How often a streaming reply is written to the database (and so how much a crash can lose at most). */
    @WithDefault("250ms")
    Duration flushInterval();

    /** How often an idle reply stream sends a heartbeat, so proxies do not close it. */
    @WithDefault("15s")
    Duration heartbeat();

    /** How long a reply goes on with nobody reading it (tab closed) before it is stopped. */
    @WithDefault("30s")
    Duration abandonAfter();

    /** The longest message a person may send, in characters (attached context not counted). */
    @WithDefault("32000")
    int maxMessageChars();

    /** The most tokens a reply may have (less when the model allows less). */
    @WithDefault("4096")
    int maxReplyTokens();

    /** What the model is told about its role before every conversation. */
    @WithDefault("You are the coding assistant of Q-IDE, a cloud IDE. Answer precisely and concisely, in Markdown;"
            + " put code in fenced code blocks with the language named.")
    String systemPrompt();
}
