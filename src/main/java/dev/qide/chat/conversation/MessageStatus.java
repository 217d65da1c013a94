package dev.qide.chat.conversation;

import java.util.Locale;

/** Where a message stands: a person's message is complete at once; a reply streams, then ends one of three ways. */
public enum MessageStatus {
    STREAMING,
    COMPLETE,
    CANCELLED,
    FAILED;

    public boolean isFinal() {
        return this != STREAMING;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
