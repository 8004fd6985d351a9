import PorticoMarkdown
import PorticoModel
import PorticoSite
import PorticoSupport
import Testing

/// Callouts from Docusaurus, MkDocs, GitBook and GitHub render as labelled asides; template tags
/// left in moved text are reported; line numbers of everything else stay true.
@Suite struct CalloutTests {
    func render(_ text: String, links: LinkContext? = nil) -> (html: String, diagnostics: [String]) {
        let log = DiagnosticLog()
        let source = MarkdownSource(text: text, start: SourceLocation(file: "content/assets/a.md", line: 10))
        let result = MarkdownRenderer().render(source, context: MarkdownContext(links: links), log: log)
        return (result.html, log.all.sorted().map(\.formatted))
    }

    static func aside(_ style: String, _ label: String, _ title: String? = nil) -> String {
        "<aside class=\"callout callout-\(style)\" role=\"note\" aria-label=\"\(label)\">\n"
            + "<p class=\"callout-title\">\(title ?? label)</p>\n"
    }

    @Test func docusaurusAdmonitionsWithAndWithoutTitles() {
        #expect(
            render(":::tip\nCall the partner **first**.\n:::\n").html == Self.aside("tip", "Tip")
                + "<p>Call the partner <strong>first</strong>.</p>\n</aside>\n")
        #expect(
            render("Before\n:::warning[Data loss]\nBack up first.\n:::\nAfter\n").html
                == "<p>Before</p>\n" + Self.aside("warning", "Warning", "Warning: Data loss")
                + "<p>Back up first.</p>\n</aside>\n<p>After</p>\n")
        #expect(
            render(":::danger Danger zone\n- one\n- two\n:::\n").html
                == Self.aside("danger", "Danger", "Danger zone") + "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</aside>\n"
        )
    }

    @Test func docusaurusAdmonitionsNest() {
        #expect(
            render("::::note\nOuter\n:::caution\nInner\n:::\n::::\n").html
                == Self.aside("note", "Note") + "<p>Outer</p>\n" + Self.aside("caution", "Caution")
                + "<p>Inner</p>\n</aside>\n</aside>\n")
    }

    @Test func aCalloutInAListItemStaysInItAndWindowsLineEndsWork() {
        #expect(
            render("- item\n\n  :::tip\n  In a list.\n  :::\n- next\n").html
                == "<ul>\n<li>\n<p>item</p>\n" + Self.aside("tip", "Tip") + "<p>In a list.</p>\n</aside>\n</li>\n"
                + "<li>\n<p>next</p>\n</li>\n</ul>\n")
        #expect(
            render("Text\r\n:::tip\r\nBody\r\n:::\r\n").html
                == "<p>Text</p>\n" + Self.aside("tip", "Tip") + "<p>Body</p>\n</aside>\n")
    }

    @Test func mkDocsBodiesNestOtherCallouts() {
        #expect(
            render("!!! warning\n    Outer\n\n    :::tip\n    Inner\n    :::\n\n    !!! danger\n        Deep\n").html
                == Self.aside("warning", "Warning") + "<p>Outer</p>\n" + Self.aside("tip", "Tip")
                + "<p>Inner</p>\n</aside>\n"
                + Self.aside("danger", "Danger") + "<p>Deep</p>\n</aside>\n</aside>\n")
    }

    @Test func colonsInCodeUnknownKindsAndUnclosedBlocksStayText() {
        #expect(
            render("```\n:::tip\nnot a callout\n:::\n```\n").html
                == "<pre><code>:::tip\nnot a callout\n:::\n</code></pre>\n")
        #expect(render(":::spoiler\nHidden\n:::\n").html == "<p>:::spoiler\nHidden\n:::</p>\n")
        #expect(render(":::tip\nNever closed\n").html == "<p>:::tip\nNever closed</p>\n")
        #expect(render("!!! Important: read this\n").html == "<p>!!! Important: read this</p>\n")
        #expect(
            render("!!! note inline end \"Aside\"\n    Body.\n").html
                == Self.aside("note", "Note", "Note: Aside") + "<p>Body.</p>\n</aside>\n")
    }

    @Test func mkDocsAdmonitionsAndCollapsibleOnes() {
        #expect(
            render("!!! note \"Before you start\"\n    Read the *guide*.\n\n    ```\n    :::\n    ```\n\nAfter\n").html
                == Self.aside("note", "Note", "Note: Before you start")
                + "<p>Read the <em>guide</em>.</p>\n<pre><code>:::\n</code></pre>\n</aside>\n<p>After</p>\n")
        #expect(
            render("??? example\n    Folded.\n").html
                == "<details class=\"callout callout-note\">\n<summary class=\"callout-title\">Example</summary>\n"
                + "<p>Folded.</p>\n</details>\n")
        #expect(
            render("???+ tip \"Open\"\n    Shown.\n").html
                == "<details class=\"callout callout-tip\" open>\n<summary class=\"callout-title\">Tip: Open</summary>\n"
                + "<p>Shown.</p>\n</details>\n")
    }

    @Test func gitBookHints() {
        #expect(
            render("{% hint style=\"success\" %}\nIt **worked**.\n{% endhint %}\n").html
                == Self.aside("success", "Success") + "<p>It <strong>worked</strong>.</p>\n</aside>\n")
    }

    @Test func gitHubAlerts() {
        #expect(
            render("> [!IMPORTANT]\n> Renew by *March*.\n>\n> Second paragraph.\n").html
                == Self.aside("important", "Important")
                + "<p>Renew by <em>March</em>.</p>\n<p>Second paragraph.</p>\n</aside>\n")
        #expect(render("> [!WARNING]\n").html == Self.aside("warning", "Warning") + "</aside>\n")
        #expect(
            render("> [!DANGER]\n> Not GitHub's.\n").html
                == "<blockquote>\n<p>[!DANGER]\nNot GitHub's.</p>\n</blockquote>\n")
        #expect(
            render("> Just a [!NOTE] quote.\n").html == "<blockquote>\n<p>Just a [!NOTE] quote.</p>\n</blockquote>\n")
    }

    @Test func titlesAreEscaped() {
        #expect(
            render(":::info[<b> & \"quotes\"]\nx\n:::\n").html
                == Self.aside("info", "Info", "Info: &lt;b&gt; &amp; &quot;quotes&quot;") + "<p>x</p>\n</aside>\n")
    }

    /// The marker lines become blank-equivalent lines of the same count, and MkDocs bodies get
    /// their columns back: a broken link after (or in) a callout is reported where it is.
    @Test func diagnosticsAfterAndInsideCalloutsKeepTheirPlace() {
        let text = ":::tip\nA tip\n:::\n\n!!! note\n    See [x](javascript:a).\n\nThen [y](javascript:b).\n"
        #expect(
            render(text).diagnostics == [
                "content/assets/a.md:15:9: warning: link to 'javascript:a' removed: unsafe URL scheme\n"
                    + "  hint: link only to http, https, mailto, tel or relative addresses",
                "content/assets/a.md:17:6: warning: link to 'javascript:b' removed: unsafe URL scheme\n"
                    + "  hint: link only to http, https, mailto, tel or relative addresses",
            ])
    }

    @Test func brokenAnchorAfterACalloutIsReportedAtItsLine() {
        let index = LinkIndex(assets: [:], drafts: [], staticFiles: [])
        let links = LinkContext(index: index, folder: "assets", assetID: "a", root: "../../")
        let (_, diagnostics) = render(
            "## Imports {#include.imports}\n\n:::note\nSee [imports](#include.imports).\n:::\n\n[gone](#nowhere)\n",
            links: links)
        #expect(
            diagnostics == [
                "content/assets/a.md:16:1: warning: link to '#nowhere': this page has no heading '#nowhere'\n"
                    + "  hint: an anchor is a heading's text in lowercase with '-' between words, as the page's outline shows"
            ])
    }

    @Test func templateTagsLeftAsTextAreReportedOncePerTag() {
        let text =
            "{% include note.html %}\n\n```\n{% raw %}\n```\n\n  {{< youtube abc >}}\n{{ site.title }}\n{% include other.html %}\n"
        #expect(
            render(text).diagnostics == [
                "content/assets/a.md:10:1: warning: template tag '{% include … %}' is shown as text: "
                    + "Portico does not run Liquid, Jinja or Hugo templates\n"
                    + "  hint: write in Markdown what the tag stood for, or remove it",
                "content/assets/a.md:16:3: warning: template tag '{{< youtube … >}}' is shown as text: "
                    + "Portico does not run Liquid, Jinja or Hugo templates\n"
                    + "  hint: write in Markdown what the tag stood for, or remove it",
                "content/assets/a.md:17:1: warning: template tag '{{ site.title }}' is shown as text: "
                    + "Portico does not run Liquid, Jinja or Hugo templates\n"
                    + "  hint: write in Markdown what the tag stood for, or remove it",
            ])
    }

    @Test func plainTextAndSearchTextKeepCallouts() {
        let source = MarkdownSource(
            text: "Intro\n\n:::warning[Data loss]\nBack up first.\n\nThen migrate.\n:::\n\n> [!TIP]\n> Ask early.\n",
            start: SourceLocation(file: "a.md"))
        let sections = PlainTextRenderer.sections(source, context: MarkdownContext())
        #expect(
            sections.map(\.text) == ["Intro\n\nWarning: Data loss\nBack up first.\nThen migrate.\n\nTip: Ask early."])
        #expect(SearchText.of(source).body.contains("Back up first."))
    }

    @Test func emailHTMLGivesCalloutsInlineStyles() {
        let html = render(":::tip\nCall first.\n:::\n").html
        #expect(
            EmailHTML.inlineStyles(html)
                == "<aside style=\"\(EmailHTML.calloutStyle)\" class=\"callout callout-tip\" role=\"note\" aria-label=\"Tip\">\n"
                + "<p style=\"margin:0 0 6px;line-height:1.55;\"><strong>Tip</strong></p>\n"
                + "<p style=\"margin:0 0 14px;line-height:1.55;\">Call first.</p>\n</aside>\n")
        // A folded callout would hide its text in a message: it is shown unfolded.
        #expect(
            EmailHTML.inlineStyles(render("???+ tip \"Later\"\n    Folded.\n").html)
                == "<aside style=\"\(EmailHTML.calloutStyle)\" class=\"callout callout-tip\">\n"
                + "<p style=\"margin:0 0 6px;line-height:1.55;\"><strong>Tip: Later</strong></p>\n"
                + "<p style=\"margin:0 0 14px;line-height:1.55;\">Folded.</p>\n</aside>\n")
    }
}
