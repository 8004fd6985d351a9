import Testing

@testable import PorticoCore

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

    @Test func rawHTMLIsNotPassedThrough() {
        let (result, _) = render("Hello <script>alert(1)</script> <b>bold</b>\n\n<div onclick=\"x()\">block</div>\n")
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("<div"))
        #expect(!result.html.contains("<b>"))
        #expect(result.html.contains("raw HTML omitted"))
    }

    @Test func unsafeLinkIsRemovedAndReportedAtItsLine() {
        let (result, diagnostics) = render("Intro\n\nSee [this](javascript:alert(1)) now.\n", startLine: 10)
        #expect(!result.html.contains("javascript"))
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
        #expect(result.html.contains("<table>"))
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
}
