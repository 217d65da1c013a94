package dev.qide.chat.reply;

/** Where a reader resumes a reply: the Last-Event-ID its browser sent on reconnect, else the page's {@code from}. */
public final class SseOffsets {

    private SseOffsets() {}

    public static int resumeFrom(String lastEventId, Integer from) {
        if (lastEventId != null && lastEventId.strip().matches("\\d{1,9}")) {
            return Integer.parseInt(lastEventId.strip());
        }
        return from == null || from < 0 ? 0 : from;
    }
}
