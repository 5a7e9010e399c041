package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Descriptions are Markdown written by anyone with admin rights: rendered faithfully, never run. */
class MarkdownRendererTest {

    private static Document render(String markdown) {
        return Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml(markdown));
    }

    @Test
    void nullAndBlankGiveNothing() {
        assertThat(MarkdownRenderer.toSafeHtml(null)).isEmpty();
        assertThat(MarkdownRenderer.toSafeHtml("  \n ")).isEmpty();
    }

    @Test
    void headingsParagraphsAndEmphasis() {
        Document html = render("# Title\n\nSome *emphasis* and **strong** text.\n\n## Usage\n\n---\n");
        assertThat(html.select("h1").text()).isEqualTo("Title");
        assertThat(html.select("h2").text()).isEqualTo("Usage");
        assertThat(html.select("p em").text()).isEqualTo("emphasis");
        assertThat(html.select("p strong").text()).isEqualTo("strong");
        assertThat(html.select("hr")).hasSize(1);
    }

    @Test
    void headingsCanBeMovedDownToFitThePageOutline() {
        Document html = Jsoup.parseBodyFragment(MarkdownRenderer.toSafeHtml("# Top\n\n## Second\n\n#### Deep\n", 4));
        assertThat(html.select("h1, h2, h3")).isEmpty();
        assertThat(html.select("h4").text()).isEqualTo("Top");
        assertThat(html.selectFirst("h4").hasClass("md-h1")).isTrue();
        assertThat(html.select("h5").text()).isEqualTo("Second");
        assertThat(html.select("h6").text()).isEqualTo("Deep");
        assertThat(html.selectFirst("h6").hasClass("md-h4")).isTrue();
    }

    @Test
    void bulletAndNumberedLists() {
        Document html = render("- one\n- two\n\n1. first\n2. second\n");
        assertThat(html.select("ul > li").eachText()).containsExactly("one", "two");
        assertThat(html.select("ol > li").eachText()).containsExactly("first", "second");
    }

    @Test
    void inlineCodeAndFencedCodeBlocksKeepTheirText() {
        Document html = render("Run `tctl apply`:\n\n```yaml\nconfig:\n  key: <value>\n```\n");
        assertThat(html.select("p code").text()).isEqualTo("tctl apply");
        Element block = html.selectFirst("pre > code");
        assertThat(block).isNotNull();
        assertThat(block.wholeText()).isEqualTo("config:\n  key: <value>\n");
    }

    @Test
    void linksOpenInANewTabWithoutOpenerOrReferrer() {
        Document html = render("See [the source](https://github.com/example/wasm \"Source\") and <https://example.com>.");
        assertThat(html.select("a")).hasSize(2).allSatisfy(a -> {
            assertThat(a.attr("href")).startsWith("https://");
            assertThat(a.attr("rel")).isEqualTo("nofollow noopener noreferrer");
            assertThat(a.attr("target")).isEqualTo("_blank");
        });
        assertThat(html.selectFirst("a").attr("title")).isEqualTo("Source");
    }

    @Test
    void scriptElementsAreRemovedWithTheirCode() {
        String out = MarkdownRenderer.toSafeHtml("Hello\n\n<script>window.pwned = 1</script>\n\nafter <script>alert(1)</script>");
        assertThat(out).doesNotContainIgnoringCase("<script").doesNotContain("window.pwned").doesNotContain("alert(1)");
        assertThat(Jsoup.parseBodyFragment(out).text()).contains("Hello").contains("after");
    }

    @Test
    void eventHandlerAttributesAreRemoved() {
        Document html = render("<img src=\"https://example.com/x.png\" onerror=\"alert(1)\" alt=\"x\">\n\n"
                + "<p onclick=\"alert(2)\" style=\"position:fixed\">para</p>\n\n"
                + "![badge](https://example.com/badge.svg)");
        assertThat(html.outerHtml()).doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("style=").doesNotContain("alert(");
        assertThat(html.select("img")).hasSize(2).allSatisfy(img -> {
            assertThat(img.attr("src")).startsWith("https://example.com/");
            assertThat(img.attr("referrerpolicy")).isEqualTo("no-referrer");
        });
        assertThat(html.select("p").text()).contains("para");
    }

    @Test
    void imageWithAnUnsafeSourceLosesItsSource() {
        Document html = render("<img src=\"javascript:alert(1)\" onerror=\"alert(2)\">\n\n![x](data:image/svg+xml;base64,PHN2Zz4=)");
        assertThat(html.outerHtml()).doesNotContain("javascript:").doesNotContain("data:").doesNotContain("alert(");
    }

    @Test
    void javascriptAndDataLinksLoseTheirTarget() {
        Document html = render("[click](javascript:alert(1)) [raw](<JavaScript:alert(2)>) "
                + "<a href=\"javascript:alert(3)\">html</a> <a href=\"data:text/html,<script>alert(4)</script>\">data</a> "
                + "[vb](vbscript:msgbox(5))");
        assertThat(html.outerHtml()).doesNotContainIgnoringCase("javascript:").doesNotContain("data:")
                .doesNotContainIgnoringCase("vbscript:").doesNotContain("<script");
        assertThat(html.select("a[href]")).isEmpty();
        assertThat(html.text()).contains("click", "raw", "html", "data", "vb");
    }

    @Test
    void framesFormsAndStylesAreRemoved() {
        String out = MarkdownRenderer.toSafeHtml("<iframe src=\"https://evil.example\"></iframe>\n\n"
                + "<form action=\"https://evil.example\"><input name=\"q\"><button>Go</button></form>\n\n"
                + "<style>body{display:none}</style>\n\n<svg onload=\"alert(1)\"><circle/></svg>");
        assertThat(out).doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<input").doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("onload")
                .doesNotContain("display:none");
    }

    @Test
    void controlCharactersAndDirectionOverridesAreShownHarmlessly() {
        String out = MarkdownRenderer.toSafeHtml("Ring \u0007 the bell, \u001b[31mred, file \u202Eexe.txt\tend");

        assertThat(out).doesNotContain("\u0007", "\u001b", "\u202E")
                .contains("Ring \uFFFD the bell, \uFFFD[31mred, file \uFFFDexe.txt\tend");
    }

    @Test
    void htmlInCodeIsShownAsText() {
        Document html = render("Use `<script>` tags sparingly.");
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("code").text()).isEqualTo("<script>");
    }
}
