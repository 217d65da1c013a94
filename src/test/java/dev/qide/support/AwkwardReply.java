package dev.qide.support;

/**
 * A reply that a careless event stream changes: a leading space, lines indented with spaces and tabs, CRLF, lone
 * CR and LF line ends, blank lines, lines of spaces only, markup characters, and characters outside the BMP.
 */
public final class AwkwardReply {

    /** What the provider sends. */
    public static final String TEXT = " Leading space, then code:\r\n"
            + "\r\n"
            + "```python\r\n"
            + "def greet(name):\r\n"
            + "    if name:\n"
            + "        print(f\"hi {name} \uD83D\uDE00\")\r"
            + "\t\treturn \"<b>&amp;</b>\"\r\n"
            + "\n"
            + "    \r\n"
            + "    return None\n"
            + "```\r\n"
            + "  two spaces,\ta tab \uD835\uDD18\r"
            + "\r"
            + "   \n"
            + "\n"
            + "   ends \uD83C\uDF89 \uD834\uDD1E";

    /** TEXT's code block as Markdown reads it (CRLF and CR are line ends, as LF), which Copy must give. */
    public static final String CODE = "def greet(name):\n"
            + "    if name:\n"
            + "        print(f\"hi {name} \uD83D\uDE00\")\n"
            + "\t\treturn \"<b>&amp;</b>\"\n"
            + "\n"
            + "    \n"
            + "    return None\n";

    private AwkwardReply() {}
}
