package dev.qide.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Turns a model's Markdown into HTML that cannot run anything: raw HTML in the text is escaped, link and image
 * addresses other than http(s) and mailto are dropped, links open without handing over the page. Code blocks get
 * Copy and Insert-into-editor buttons (chat.js gives them their behaviour).
 */
@ApplicationScoped
public class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;

    MarkdownRenderer() {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                        attributes.put("rel", "nofollow noopener noreferrer");
                        attributes.put("target", "_blank");
                    }
                })
                .nodeRendererFactory(CodeBlockRenderer::new)
                .build();
    }

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }

    /** A code block with its toolbar: the language, Copy, and Insert into editor. */
    private static final class CodeBlockRenderer implements NodeRenderer {

        private final HtmlWriter html;

        CodeBlockRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class, IndentedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            String code = node instanceof FencedCodeBlock fenced
                    ? fenced.getLiteral()
                    : ((IndentedCodeBlock) node).getLiteral();
            String language = node instanceof FencedCodeBlock fenced ? language(fenced.getInfo()) : "";
            html.line();
            html.tag("div", Map.of("class", "code-block"));
            html.tag("div", Map.of("class", "code-toolbar"));
            html.tag("span", Map.of("class", "code-language"));
            html.text(language.isEmpty() ? "code" : language);
            html.tag("/span");
            button("data-copy-code", "Copy", "Copy the code");
            button("data-insert-code", "Insert into editor", "Insert the code into the editor at the cursor");
            html.tag("/div");
            html.tag("pre");
            Map<String, String> codeAttributes = new LinkedHashMap<>();
            if (!language.isEmpty()) {
                codeAttributes.put("class", "language-" + language);
            }
            html.tag("code", codeAttributes);
            html.text(code);
            html.tag("/code");
            html.tag("/pre");
            html.tag("/div");
            html.line();
        }

        private void button(String marker, String label, String title) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("type", "button");
            attributes.put("class", "btn btn-sm btn-link py-0");
            attributes.put("title", title);
            attributes.put(marker, "");
            html.tag("button", attributes);
            html.text(label);
            html.tag("/button");
        }

        /** The first word of the info string, when it looks like a language name. */
        private static String language(String info) {
            String word = info == null ? "" : info.strip().split("\\s+")[0];
            return word.matches("[A-Za-z0-9_+#.-]{1,30}") ? word.toLowerCase(Locale.ROOT) : "";
        }
    }
}
