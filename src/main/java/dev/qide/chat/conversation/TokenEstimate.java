package dev.qide.chat.conversation;

/**
 * A rough token count for text, for fitting conversations into context windows and for usage a provider did not
 * report (a stopped reply). English and code run at about four characters a token; three and a half errs on the
 * side of sending less.
 */
public final class TokenEstimate {

    private TokenEstimate() {}

    public static long of(String text) {
        return text == null || text.isEmpty() ? 0 : (long) Math.ceil(text.length() / 3.5);
    }
}
