import PorticoMarkdown
import PorticoModel
import PorticoSite
import PorticoSupport
import Testing

/// Raw HTML in Markdown: what is kept, what is dropped, and what the author is told.
@Suite struct RawHTMLTests {
    func render(_ text: String, links: LinkContext? = nil) -> (html: String, messages: [String]) {
        let log = DiagnosticLog()
        let source = MarkdownSource(text: text, start: SourceLocation(file: "content/assets/a.md", line: 1))
        let html = MarkdownRenderer().render(source, context: MarkdownContext(links: links), log: log).html
        return (html, log.all.map(\.formatted))
    }

    /// The plain-text part of an email, and search, read the words the page shows of raw HTML:
    /// a table's cells, not a script's code.
    @Test func plainTextAndSearchReadTheShownWords() {
        let source = MarkdownSource(
            text: "Editions:\n\n<table><tr><th>Plan</th><td>Pro</td></tr></table>\n\n<script>var x</script>\n\nEnd.\n",
            start: SourceLocation(file: "a.md"))
        let sections = PlainTextRenderer.sections(source, context: MarkdownContext())
        #expect(sections.map(\.text) == ["Editions:\n\nPlan Pro\n\nEnd."])
        #expect(SearchTerms.terms(SearchText.of(source).body) == ["editions", "plan", "pro", "end"])
    }

    @Test func scriptsAndStylesAreDroppedWithTheirContent() {
        let (html, messages) = render("<script>alert(1)</script>\n\n<style>p { color: red }</style>\n\nText\n")
        #expect(html == "<p>Text</p>\n")
        #expect(
            messages == [
                "content/assets/a.md:1:1: warning: raw HTML: dropped <script> with its content\n  hint: \(RawHTMLReport.hint)",
                "content/assets/a.md:3:1: warning: raw HTML: dropped <style> with its content\n  hint: \(RawHTMLReport.hint)",
            ])
    }

    @Test func eventHandlersStyleAttributesAndUnsafeAddressesAreDropped() {
        let (html, messages) = render(
            "<div onclick=\"steal()\" style=\"color: red\"><a href=\"javascript:alert(1)\" title=\"t\">go</a>"
                + "<img src=\"data:text/html,x\" alt=\"x\"></div>\n")
        // The image has nothing left to show: it goes too.
        #expect(html == "<div><a title=\"t\">go</a></div>\n")
        #expect(
            messages == [
                "content/assets/a.md:1:1: warning: raw HTML: dropped the onclick and style attributes, "
                    + "the unsafe address 'javascript:alert(1)' and the unsafe address 'data:text/html,x'\n"
                    + "  hint: \(RawHTMLReport.hint)"
            ])
    }

    @Test func unknownElementsKeepTheirText() {
        let (html, messages) = render("<center><font color=\"red\">Hello</font> there</center>\n")
        #expect(html == "Hello there\n")
        #expect(
            messages == [
                "content/assets/a.md:1:1: warning: raw HTML: dropped the <center> tag (its text kept) and the <font> tag "
                    + "(its text kept)\n  hint: \(RawHTMLReport.hint)"
            ])
    }

    @Test func imagesTablesAndDetailsAreKept() {
        let text = """
            <details open>
            <summary>Editions</summary>

            The **table** below.

            <table>
            <caption>Editions</caption>
            <thead><tr><th scope="col">Edition</th><th>Seats</th></tr></thead>
            <tbody><tr><td colspan="2">Team &amp; more</td></tr></tbody>
            </table>

            </details>

            <img src="https://x.example/a.png" alt="A" width="200" height="50%">

            """
        let (html, messages) = render(text)
        #expect(
            html == """
                <details open="">
                <summary>Editions</summary>
                <p>The <strong>table</strong> below.</p>
                <div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>
                <caption>Editions</caption>
                <thead><tr><th scope="col">Edition</th><th>Seats</th></tr></thead>
                <tbody><tr><td colspan="2">Team &amp; more</td></tr></tbody>
                </table></div>
                </details>
                <img src="https://x.example/a.png" alt="A" width="200">

                """)
        #expect(
            messages == [
                "content/assets/a.md:14:1: warning: raw HTML: dropped the height=\"50%\" attribute\n"
                    + "  hint: \(RawHTMLReport.hint)"
            ])
    }

    @Test func inlineTagsArePairedWithinTheirParagraph() {
        let (html, messages) = render(
            "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <b>bold <i>both</b> and</i> a<br>break.\n"
        )
        #expect(
            html
                == "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <b>bold <i>both</i></b> and a<br>break.</p>\n"
        )
        #expect(messages.isEmpty)
    }

    @Test func pictureAndSourceAreKept() {
        let (html, _) = render(
            "<picture>\n<source srcset=\"https://x.example/dark.png 1x, javascript:x 2x\" media=\"(prefers-color-scheme: dark)\">\n"
                + "<img src=\"https://x.example/light.png\" alt=\"Logo\">\n</picture>\n")
        #expect(
            html
                == "<picture>\n<source srcset=\"https://x.example/dark.png 1x\" media=\"(prefers-color-scheme: dark)\">\n"
                + "<img src=\"https://x.example/light.png\" alt=\"Logo\">\n</picture>\n")
    }

    @Test func headingsBecomeBoldParagraphs() {
        let (html, messages) = render("<h2>Pricing</h2>\n")
        #expect(html == "<p><strong>Pricing</strong></p>\n")
        #expect(
            messages == [
                "content/assets/a.md:1:1: warning: raw HTML: <h2> shown as bold text, outside the page's outline\n"
                    + "  hint: \(RawHTMLReport.hint); a heading as '## Heading'"
            ])
    }

    @Test func imagesWithoutAltAreReportedAndGivenAnEmptyOne() {
        let (html, messages) = render("<img src=\"https://x.example/a.png\">\n")
        #expect(html == "<img src=\"https://x.example/a.png\" alt=\"\">\n")
        #expect(messages.count == 1 && messages[0].contains("image 'https://x.example/a.png' has no alt text"))
    }

    @Test func commentsAreDroppedSilently() {
        let (html, messages) = render("a <!-- note --> b\n\n<!-- block -->\n")
        #expect(html == "<p>a  b</p>\n")
        #expect(messages.isEmpty)
    }

    @Test func markersWrittenByTheAuthorCannotSplitTheOutput() {
        let (html, _) = render("<div><portico-md n=\"1\"></portico-md>x</div>\n\n<p>y</p>\n")
        #expect(html == "<div>x</div>\n<p>y</p>\n")
    }

    @Test func anUnclosedScriptInAParagraphLeavesOnlyText() {
        let (html, _) = render("a <script>b *c*\n")
        #expect(!html.contains("<script"))
        #expect(html.hasPrefix("<p>a "))
    }

    /// Resolves as the site does for a folder asset's own files.
    struct OwnFiles: LinkResolving {
        func resolve(_ url: String, in context: LinkContext, ownAnchors: Set<String>) -> LinkResolution {
            url.hasPrefix("https:") ? .unchanged : .ownFile(href: "../../files/kit/" + url, path: url)
        }
    }

    @Test func aRelativeImageIsPublishedLikeAMarkdownImage() {
        let log = DiagnosticLog()
        let source = MarkdownSource(
            text:
                "<img src=\"shot.png\" alt=\"Shot\">\n\n<picture><source srcset=\"wide.png 2x\"><img src=\"b.png\" alt=\"B\"></picture>\n",
            start: SourceLocation(file: "content/assets/kit/index.md", line: 1))
        let links = LinkContext(index: OwnFiles(), folder: "assets/kit", assetID: "kit", root: "../../")
        let result = MarkdownRenderer().render(source, context: MarkdownContext(links: links), log: log)
        #expect(
            result.html
                == "<img src=\"../../files/kit/shot.png\" alt=\"Shot\">\n<p><picture><source srcset=\"../../files/kit/wide.png 2x\">"
                + "<img src=\"../../files/kit/b.png\" alt=\"B\"></picture></p>\n")
        #expect(result.imageFiles == ["shot.png", "wide.png", "b.png"])
        #expect(log.all.isEmpty)
    }

    @Test func aGlossaryTermInsideARawLinkIsNotLinkedAgain() {
        let term = GlossaryTerm(
            term: "dock", aliases: [], definition: MarkdownSource(text: "x", start: SourceLocation(file: "g.yml")),
            source: SourceLocation(file: "g.yml"))
        var context = MarkdownContext()
        context.glossary = GlossaryLinking(terms: [term], page: "../../")
        let source = MarkdownSource(
            text: "See <a href=\"https://x.example/\">the dock</a>, then the dock.\n",
            start: SourceLocation(file: "content/assets/a.md", line: 1))
        let html = MarkdownRenderer().render(source, context: context, log: DiagnosticLog()).html
        #expect(
            html
                == "<p>See <a href=\"https://x.example/\">the dock</a>, then the "
                + "<a href=\"../../#term-dock\" title=\"Glossary: dock\">dock</a>.</p>\n")
    }

    @Test func preformattedTextKeepsItsLinesAndEscapes() {
        let (html, messages) = render("<pre>\n  a &lt; b &amp;&amp; <b>c</b>\n</pre>\n")
        #expect(html == "<pre>\n  a &lt; b &amp;&amp; <b>c</b>\n</pre>\n")
        #expect(messages.isEmpty)
    }

    @Test func sourcesAndImagesWithoutAnAddressAreDropped() {
        let (html, messages) = render("<picture><source media=\"(min-width: 1px)\"><img alt=\"x\"></picture>\n")
        #expect(html == "<p><picture></picture></p>\n")
        #expect(
            messages == [
                "content/assets/a.md:1:10: warning: raw HTML: dropped a <source> without an address\n"
                    + "  hint: \(RawHTMLReport.hint)",
                "content/assets/a.md:1:43: warning: raw HTML: dropped an <img> without an address\n"
                    + "  hint: \(RawHTMLReport.hint)",
            ])
    }

    @Test func anUnclosedTableDoesNotTakeInTheParagraphsAfterIt() {
        let (html, _) = render("<table><tr><td>a</td></tr>\n\nText\n\n</table>\n\n<div>\n\nIn a *div*\n\n</div>\n")
        #expect(
            html == TableScroll.opening + "<table><tr><td>a</td></tr>\n</table></div>\n<p>Text</p>\n"
                + "<div>\n<p>In a <em>div</em></p>\n</div>\n")
    }

    /// libxml2 stops nesting at its depth limit and the sanitizer walks without recursion: a
    /// hostile page of nested tags renders instead of exhausting the stack.
    @Test func deeplyNestedTagsRender() {
        let (html, _) = render(String(repeating: "<div><span>", count: 20_000) + "deep\n")
        #expect(html.hasPrefix("<div><span><div>"))
        #expect(html.hasSuffix("</span></div>\n"))
    }

    @Test func vbscriptAndFileAddressesAreDropped() {
        let (html, messages) = render("<a href=\"vbscript:msgbox\">a</a> <a href=\"file:///etc/passwd\">b</a>\n")
        #expect(html == "<p><a>a</a> <a>b</a></p>\n")
        #expect(
            messages == [
                "content/assets/a.md:1:1: warning: raw HTML: dropped the unsafe address 'vbscript:msgbox'\n"
                    + "  hint: \(RawHTMLReport.hint)",
                "content/assets/a.md:1:33: warning: raw HTML: dropped the unsafe address 'file:///etc/passwd'\n"
                    + "  hint: \(RawHTMLReport.hint)",
            ])
    }
}
