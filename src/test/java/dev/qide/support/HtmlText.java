package dev.qide.support;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text an HTML parser makes of escaped text (a fragment without tags): raw line ends read as LF, character
 * references decoded (so only {@code &#13;} gives a CR). A raw
 * {@code <} or an {@code &} that starts no reference fails, so a fragment that is not fully escaped cannot pass.
 */
public final class HtmlText {

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-z]+);");
    private static final Map<String, String> NAMED =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "Tab", "\t", "NewLine", "\n");

    private HtmlText() {}

    public static String decode(String escaped) {
        if (escaped.indexOf('<') >= 0) {
            throw new IllegalArgumentException("Markup where only text was expected: " + escaped);
        }
        StringBuilder text = new StringBuilder();
        Matcher matcher = REFERENCE.matcher(escaped);
        int last = 0;
        while (matcher.find()) {
            text.append(plain(escaped.substring(last, matcher.start())));
            String name = matcher.group(1);
            if (name.startsWith("#x") || name.startsWith("#X")) {
                text.appendCodePoint(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                text.appendCodePoint(Integer.parseInt(name.substring(1)));
            } else if (NAMED.containsKey(name)) {
                text.append(NAMED.get(name));
            } else {
                throw new IllegalArgumentException("Unknown character reference &" + name + ";");
            }
            last = matcher.end();
        }
        return text.append(plain(escaped.substring(last))).toString();
    }

    /** Text between references; the parser reads a raw CR or CRLF as LF before anything else. */
    private static String plain(String text) {
        if (text.indexOf('&') >= 0) {
            throw new IllegalArgumentException("An unescaped & in: " + text);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
