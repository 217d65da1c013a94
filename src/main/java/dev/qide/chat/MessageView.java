package dev.qide.chat;

import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.MessageStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A message as the page shows it: its text (for a reply being written here, newer than the last saved batch), its
 * HTML (Markdown, for replies that have ended), the name of the provider that wrote it and its facts. It carries the CSRF token for its forms because a
 * finished reply is also rendered outside any request (the end of its stream).
 */
public record MessageView(ChatMessage message, String text, String html, String csrfToken, String providerName) {

    public boolean streaming() {
        return message.status == MessageStatus.STREAMING;
    }

    /** "$0.0012" ("< $0.0001" for less), or empty when the price is unknown. */
    public String cost() {
        if (message.costUsd == null || message.costUsd.signum() == 0) {
            return "";
        }
        if (message.costUsd.compareTo(new BigDecimal("0.0001")) < 0) {
            return "< $0.0001";
        }
        BigDecimal cost =
                message.costUsd.setScale(message.costUsd.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4, RoundingMode.HALF_UP);
        return "$" + cost.toPlainString();
    }

    /** "1.2 s" for the whole reply. */
    public String duration() {
        return message.durationMs == null ? "" : String.format(Locale.US, "%.1f s", message.durationMs / 1000.0);
    }

    /** The text as HTML text that the page reads back exactly, as the reply's stream sends it (CR included). */
    public String textHtml() {
        return MessageTextHtml.escape(text);
    }

    /** Characters written so far: where a reader of a streaming reply starts. */
    public int length() {
        return text.length();
    }
}
