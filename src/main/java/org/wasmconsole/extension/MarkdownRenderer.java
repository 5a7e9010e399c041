package org.wasmconsole.extension;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.wasmconsole.base.Names;

/**
 * Turns the Markdown of {@code spec.description} into HTML that is safe to put in the page.
 * <p>
 * Two steps: commonmark renders the Markdown (raw HTML in it, as in many README files, passes
 * through, and {@code javascript:}-style link targets are neutralised), then jsoup cleans the
 * result against an allow-list. Whatever the text holds, the output has no script, no event
 * handler attribute, no style, no iframe or form, and links only to http(s) and mailto targets.
 * Links open in a new tab with {@code rel="nofollow noopener noreferrer"}; images load only over
 * http(s), lazily and without a referrer.
 * <p>
 * Thread-safe; holds no state besides the immutable parser, renderer and allow-list.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .sanitizeUrls(true)
            .build();
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "del", "s", "kbd", "abbr")
            .addAttributes("abbr", "title")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank")
            .addEnforcedAttribute("img", "loading", "lazy")
            .addEnforcedAttribute("img", "referrerpolicy", "no-referrer");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private MarkdownRenderer() {
    }

    /**
     * The text with control characters (other than line breaks and tabs) and bidirectional overrides
     * shown as U+FFFD: a description cannot ring the terminal bell of someone who copies it, or make
     * the page show text in another order than it is stored (U+202E).
     */
    static String harmless(String markdown) {
        StringBuilder text = new StringBuilder(markdown.length());
        markdown.codePoints().forEach(c -> {
            boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
            text.appendCodePoint(control || Names.isBidiControl(c) ? 0xFFFD : c);
        });
        return text.toString();
    }

    /** The sanitised HTML of the Markdown text; empty for null or blank text. */
    public static String toSafeHtml(String markdown) {
        return toSafeHtml(markdown, 1);
    }

    /**
     * As {@link #toSafeHtml(String)}, with headings moved down so that a {@code #} heading becomes
     * {@code h<topLevel>} (never deeper than h6): the text then fits the outline of the page it is
     * shown in. Each moved heading keeps its Markdown level as class {@code md-h<n>} for styling.
     */
    public static String toSafeHtml(String markdown, int topLevel) {
        if (topLevel < 1 || topLevel > 6) {
            throw new IllegalArgumentException("topLevel must be 1 to 6, not " + topLevel);
        }
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String clean = Jsoup.clean(RENDERER.render(PARSER.parse(harmless(markdown))), "", SAFELIST, OUTPUT);
        if (topLevel == 1) {
            return clean;
        }
        Document document = Jsoup.parseBodyFragment(clean);
        document.outputSettings(OUTPUT);
        for (Element heading : document.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            heading.tagName("h" + Math.min(6, level + topLevel - 1)).addClass("md-h" + level);
        }
        return document.body().html();
    }
}
