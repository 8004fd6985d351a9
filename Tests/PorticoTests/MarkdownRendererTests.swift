import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    func render(_ text: String, startLine: Int = 10) -> (RenderedMarkdown, [Diagnostic]) {
        let log = DiagnosticLog()
        let source = MarkdownSource(text: text, start: SourceLocation(file: "content/assets/a.md", line: startLine))
        return (renderer.render(source, log: log), log.all)
    }

    @Test func headingsGetUniqueAnchorsAndFormTheOutline() {
        let (result, _) = render("## Why us\n\ntext\n\n### Pricing & terms\n\n## Why us\n\n## Main\n")
        #expect(
            result.headings == [
                Heading(level: 2, text: "Why us", anchor: "why-us"),
                Heading(level: 3, text: "Pricing & terms", anchor: "pricing-terms"),
                Heading(level: 2, text: "Why us", anchor: "why-us-2"),
                Heading(level: 2, text: "Main", anchor: "main-2"),
            ])
        #expect(result.html.contains("<h2 id=\"why-us\">Why us</h2>"))
        #expect(result.html.contains("<h3 id=\"pricing-terms\">Pricing &amp; terms</h3>"))
        #expect(result.html.contains("<h2 id=\"why-us-2\">Why us</h2>"))
    }

    /// cmark-gfm keeps the characters its extensions look for in one table for every parser:
    /// documents parsed at once on several threads must each still get every autolink and
    /// strikethrough, as a build renders its pages.
    @Test func documentsRenderedAtOnceGetEveryAutolinkAndStrikethrough() {
        let text = (1...40).map { "Item \($0): see https://example.com/\($0)/ or www.example.org, ~~not this~~." }
            .joined(separator: "\n\n")
        let expected = render(text).0.html
        #expect(expected.components(separatedBy: "<a href=").count - 1 == 80)
        #expect(expected.components(separatedBy: "<del>").count - 1 == 40)
        let source = MarkdownSource(text: text, start: SourceLocation(file: "content/assets/a.md", line: 10))
        let rendered = Array(repeating: source, count: 300).parallelMap {
            MarkdownRenderer().render($0, log: DiagnosticLog()).html
        }
        #expect(rendered.filter { $0 != expected }.count == 0)
    }

    @Test func rawHTMLIsSanitizedNotPassedThrough() {
        let (result, _) = render("Hello <script>alert(1)</script> <b>bold</b>\n\n<div onclick=\"x()\">block</div>\n")
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("onclick"))
        #expect(result.html.contains("<b>bold</b>"))
        #expect(result.html.contains("<div>block</div>"))
    }

    @Test func unsafeLinkBecomesPlainTextAndIsReportedAtItsLine() {
        let (result, diagnostics) = render("Intro\n\nSee [this](javascript:alert(1)) now.\n", startLine: 10)
        #expect(!result.html.contains("javascript"))
        #expect(result.html.contains("<p>See this now.</p>"))
        #expect(!result.html.contains("href=\"\""))
        #expect(
            diagnostics.map(\.formatted) == [
                "content/assets/a.md:12:5: warning: link to 'javascript:alert(1)' removed: unsafe URL scheme\n"
                    + "  hint: link only to http, https, mailto, tel or relative addresses"
            ])
    }

    @Test func safeLinksAndGitHubExtensionsRender() {
        let (result, diagnostics) = render(
            "[a](https://x.example/) [b](mailto:a@x.example) [c](../other/) ~~old~~\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n"
        )
        #expect(diagnostics.isEmpty)
        #expect(result.html.contains("<a href=\"https://x.example/\">a</a>"))
        #expect(result.html.contains("<a href=\"mailto:a@x.example\">b</a>"))
        #expect(result.html.contains("<a href=\"../other/\">c</a>"))
        #expect(result.html.contains("<del>old</del>"))
        #expect(result.html.contains(TableScroll.opening + "<table>") && result.html.contains("</table></div>"))
        #expect(result.html.contains("type=\"checkbox\""))
    }

    @Test(arguments: [
        ("javascript:x", false), ("JavaScript:x", false), (" vbscript:x", false), ("data:text/html,x", false),
        ("file:///etc/passwd", false), ("https://a.example", true), ("relative/path:with-colon", true),
        ("#anchor", true), ("tel:+15550100", true),
    ])
    func urlSafety(_ url: String, _ safe: Bool) {
        #expect(URLSafety.isSafe(url) == safe)
    }

    @Test func firstHeadingRepeatingTheTitleIsDroppedAndOtherTopHeadingsDemoteTheRest() {
        let log = DiagnosticLog()
        let source = MarkdownSource(
            text: "# Pricing Guide\n\nIntro\n\n# Plans\n\n## Basic\n", start: SourceLocation(file: "a.md", line: 5))
        let result = renderer.render(source, context: MarkdownContext(title: "Pricing  guide"), log: log)
        #expect(!result.html.contains("<h1"))
        #expect(result.html.contains("<h2 id=\"plans\">Plans</h2>"))
        #expect(result.html.contains("<h3 id=\"basic\">Basic</h3>"))
        #expect(result.headings.map(\.level) == [2, 3])
        #expect(log.all.map(\.code) == ["demoted-heading"])
        #expect(log.all.first?.location == SourceLocation(file: "a.md", line: 9, column: 1))
    }

    @Test func aHeadingThatIsNotTheTitleIsKeptAndDemoted() {
        let log = DiagnosticLog()
        let source = MarkdownSource(text: "# Something else\n", start: SourceLocation(file: "a.md"))
        let result = renderer.render(source, context: MarkdownContext(title: "Pricing"), log: log)
        #expect(result.html == "<h2 id=\"something-else\">Something else</h2>\n")
    }

    @Test func taskListItemsInTightAndLooseListsAreLabelled() {
        let (tight, _) = render("- [ ] one\n- [x] two\n  more\n")
        #expect(
            tight.html
                == "<ul>\n<li class=\"task-item\"><label class=\"task\"><input type=\"checkbox\"> one</label></li>\n"
                + "<li class=\"task-item\"><label class=\"task task-done\"><input type=\"checkbox\" checked=\"\"> two\n"
                + "more</label></li>\n</ul>\n")
        let (loose, _) = render("- [ ] one\n\n- [ ] two\n")
        #expect(
            loose.html.contains(
                "<li class=\"task-item\">\n<p><label class=\"task\"><input type=\"checkbox\"> one</label></p>"
            ))
    }

    @Test func rawHTMLReportsOnlyWhatItDrops() {
        let (_, diagnostics) = render("a <b>x</b> <u>y</u> <i onclick=\"z()\">z</i> <!-- note -->\n", startLine: 1)
        #expect(
            diagnostics.map(\.message) == [
                "raw HTML: dropped the <u> tag (its text kept)",
                "raw HTML: dropped the onclick attribute",
            ])
    }

    @Test func headingsNeverSkipALevel() {
        let (result, diagnostics) = render("### Deep\n\n###### Deeper\n\n## Back\n")
        #expect(result.headings.map(\.level) == [2, 3, 2])
        #expect(result.html.contains("<h2 id=\"deep\">Deep</h2>"))
        #expect(result.html.contains("<h3 id=\"deeper\">Deeper</h3>"))
        #expect(diagnostics.isEmpty)
    }

    @Test func controlCharactersAreReplacedAndTheFirstIsReported() {
        let (result, diagnostics) = render("Intro\n\nA \u{2}b\u{3}c and tab\tok\n", startLine: 10)
        #expect(result.html.contains("<p>A \u{FFFD}b\u{FFFD}c and tab\tok</p>"))
        #expect(
            diagnostics.map(\.formatted) == [
                "content/assets/a.md:12:3: warning: invisible control character U+0002 shown as \u{FFFD}\n"
                    + "  hint: delete it: it usually comes with text pasted from another program"
            ])
    }

    @Test func aHeadingMaySetItsOwnAnchor() {
        let (result, _) = render(
            "## Pricing {#plans}\n\n## Terms {: #terms .wide }\n\n## Plain {#}\n\n## Again {#plans}\n")
        #expect(
            result.headings == [
                Heading(level: 2, text: "Pricing", anchor: "plans"),
                Heading(level: 2, text: "Terms", anchor: "terms"),
                Heading(level: 2, text: "Plain {#}", anchor: "plain"),
                Heading(level: 2, text: "Again", anchor: "again"),
            ])
        #expect(result.html.contains("<h2 id=\"plans\">Pricing</h2>"))
    }

    /// Pandoc and Docusaurus keep dots and colons in explicit ids; links to them resolve.
    @Test func explicitIdsMayHoldDotsAndColons() {
        let log = DiagnosticLog()
        let index = LinkIndex(assets: [:], drafts: [], staticFiles: [])
        let links = LinkContext(index: index, folder: "assets", assetID: "a", root: "../../")
        let source = MarkdownSource(
            text: "## Imports {#include.imports}\n\n## Step {#step:2}\n\n## Odd {#a/b}\n\n"
                + "See [imports](#include.imports) and [step](#step:2).\n",
            start: SourceLocation(file: "a.md"))
        let result = renderer.render(source, context: MarkdownContext(links: links), log: log)
        #expect(result.headings.map(\.anchor) == ["include.imports", "step:2", "odd-ab"])
        #expect(
            result.html
                == "<h2 id=\"include.imports\">Imports</h2>\n<h2 id=\"step:2\">Step</h2>\n<h2 id=\"odd-ab\">Odd {#a/b}</h2>\n"
                + "<p>See <a href=\"#include.imports\">imports</a> and <a href=\"#step:2\">step</a>.</p>\n")
        #expect(log.all.isEmpty)
    }
}
