package dev.qide.byok;

/** How a key is shown once saved: its recognisable start and its last four characters, "sk-…AbCd". */
public final class KeyMask {

    private KeyMask() {}

    public static String of(String key) {
        String trimmed = key.strip();
        if (trimmed.length() < 12) {
            return "…" + trimmed.substring(Math.max(0, trimmed.length() - 2));
        }
        int dash = trimmed.indexOf('-');
        String start = dash > 0 && dash <= 6 ? trimmed.substring(0, dash + 1) : trimmed.substring(0, 3);
        return start + "…" + trimmed.substring(trimmed.length() - 4);
    }
}
