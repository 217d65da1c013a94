package dev.qide.llm;

import java.util.Arrays;

/**
 * Cuts every fragment of a known key out of a text a provider wrote, before it is stored, shown or logged.
 *
 * <p>A fragment is any run of {@value #MIN_FRAGMENT} or more characters that also occurs in the key, compared without
 * regard to case. That covers the key whole, the key without a known prefix ({@code sk-}, {@code sk-proj-},
 * {@code sk-ant-api03-}: those are substrings too), and any long piece of it, such as a provider quoting the start or
 * end of the key it was sent. Shorter runs are left alone: the masked key ({@code sk-…AbCd}) already shows its prefix and
 * last four characters, seven characters of a key leave far too much of it unknown to matter, and cutting shorter
 * runs would cut ordinary words out of the message. A key shorter than {@value #MIN_FRAGMENT} characters (a local
 * server's placeholder) is cut out whole.
 */
final class KeyFragments {

    /** The shortest run of a key's characters that counts as a fragment of it. */
    static final int MIN_FRAGMENT = 8;

    /** A key shorter than this is no secret worth cutting (and would cut words such as "none" out of messages). */
    private static final int MIN_KEY = 4;

    private static final String CUT = "…";

    private KeyFragments() {}

    /** {@code text} with every fragment of {@code key} replaced by "…"; overlapping or adjacent ones become one. */
    static String redact(String text, String key) {
        if (text == null || key == null || key.strip().length() < MIN_KEY) {
            return text;
        }
        String secret = lowerCase(key.strip());
        String haystack = lowerCase(text);
        int window = Math.min(MIN_FRAGMENT, secret.length());
        boolean[] covered = new boolean[text.length()];
        boolean any = false;
        // Every run of `window` characters of the key: a longer fragment is the union of the runs inside it.
        for (int start = 0; start + window <= secret.length(); start++) {
            String run = secret.substring(start, start + window);
            for (int at = haystack.indexOf(run); at >= 0; at = haystack.indexOf(run, at + 1)) {
                Arrays.fill(covered, at, at + window, true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !covered[i - 1]) {
                out.append(CUT);
            }
        }
        return out.toString();
    }

    /** Lower case character by character, so that positions in the result are positions in the original. */
    private static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
