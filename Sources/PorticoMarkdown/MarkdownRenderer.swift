import CCmarkGFM
import Foundation
import PorticoModel
import PorticoSupport

/// A heading of a rendered Markdown text, for the "On this page" outline.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String

    package init(level: Int, text: String, anchor: String) {
        self.level = level
        self.text = text
        self.anchor = anchor
    }
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    /// Files of the asset's own folder that the text shows as images, and those it links to.
    public var imageFiles: Set<String> = []
    public var linkedFiles: Set<String> = []
    /// The words search finds the text by, when the context asked for them.
    package var searchText: (headings: String, body: String)?
}

/// What a text is rendered for: the title of its page, and where its relative links start.
public struct MarkdownContext: Sendable {
    /// A first `# heading` that repeats the title is left out: the page already shows it.
    public var title: String?
    /// Without it, relative links are left as written.
    public var links: LinkContext?
    /// The glossary terms to link on their first use; nil links none.
    public var glossary: GlossaryLinking?
    /// Also take the text search indexes (`SearchText`) from the same parse.
    package var searchText = false

    public init(title: String? = nil, links: LinkContext? = nil, glossary: GlossaryLinking? = nil) {
        self.title = title
        self.links = links
        self.glossary = glossary
    }
}

/// Markdown to HTML through cmark-gfm, in safe mode: raw HTML is sanitized (`RawHTML`), links
/// with unsafe schemes become plain text, links between content files are resolved and checked,
/// the page keeps a single `<h1>`, and task-list checkboxes are labelled by their item.
public struct MarkdownRenderer: Sendable {
    package static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// No `CMARK_OPT_VALIDATE_UTF8`: the text comes from a Swift String, which is valid UTF-8
    /// (a file that is not is refused when it is read), so cmark's own pass would find nothing.
    package static let options = CMARK_OPT_SAFE | CMARK_OPT_FOOTNOTES
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    public init() {
        _ = MarkdownRenderer.registration
    }

    public func render(
        _ source: MarkdownSource, context: MarkdownContext = MarkdownContext(), log: DiagnosticLog
    ) -> RenderedMarkdown {
        let (text, control) = ControlCharacters.clean(source.text)
        let prepared = CalloutSource(text)
        guard let document = MarkdownDocument(prepared.text) else { return RenderedMarkdown(html: "", headings: []) }
        let nodes = MarkdownNodes(document.root)
        // Taken before any rule changes the document, as `SearchText.of` would parse it.
        let searchText = context.searchText ? SearchText.of(document) : nil
        let place = NodePlace(source: source)
        var findings: [Diagnostic] = control.map { [ControlCharacters.finding($0, in: source)] } ?? []
        let headings = HeadingRules.apply(
            nodes.headings, title: context.title, document: document, place: place, findings: &findings)
        var links = LinkRules(
            context: context.links, document: document, place: place, ownAnchors: Set(headings.map(\.anchor)))
        links.apply(nodes.links, findings: &findings)
        RawHTML.apply(nodes.rawHTML, document: document, place: place, links: &links, findings: &findings)
        log.report(contentsOf: prepared.restoreColumns(findings, source: source))
        log.report(contentsOf: TemplateTags.findings(prepared, source: source))
        context.glossary?.apply(to: document.root)
        CalloutBlocks.apply(prepared.blocks, to: document)

        guard let rendered = cmark_render_html(document.root, MarkdownRenderer.options, document.extensions)
        else { return RenderedMarkdown(html: "", headings: headings, searchText: searchText) }
        defer { free(rendered) }
        var html = HeadingRules.addAnchors(String(cString: rendered), headings: headings)
        html = TableScroll.apply(TaskListLabels.apply(html))
        return RenderedMarkdown(
            html: html, headings: headings, imageFiles: links.imageFiles, linkedFiles: links.linkedFiles,
            searchText: searchText)
    }

    /// The headings `render` would give the text, without reporting anything: the anchors a link
    /// from another page may point at.
    package func headings(of source: MarkdownSource, title: String?) -> [Heading] {
        guard let document = MarkdownDocument(CalloutSource(source.text).text) else { return [] }
        var ignored: [Diagnostic] = []
        return HeadingRules.apply(
            MarkdownNodes(document.root).headings, title: title, document: document, place: NodePlace(source: source),
            findings: &ignored)
    }
}

/// A parsed cmark-gfm document, freed with its parser.
package final class MarkdownDocument {
    private static let inlinePhase = NSLock()

    private let parser: OpaquePointer
    package let root: OpaquePointer
    /// Nodes taken out of the tree; freed last, since other collected nodes may sit inside them.
    private var detached: [OpaquePointer] = []

    package init?(_ text: String) {
        guard let parser = cmark_parser_new(MarkdownRenderer.options) else { return nil }
        for name in MarkdownRenderer.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var text = text
        text.withUTF8 { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        // cmark-gfm marks its extensions' characters (autolink's `:` and `w`, `~`, `|`) as special
        // in one table shared by every parser, at the start of the inline phase, and clears them
        // at its end: a document finishing on one thread unmarked them under another, which
        // then missed autolinks and strikethrough at random. The inline phase takes turns.
        MarkdownDocument.inlinePhase.lock()
        let finished = cmark_parser_finish(parser)
        MarkdownDocument.inlinePhase.unlock()
        guard let root = finished else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
    }

    package var extensions: UnsafeMutablePointer<cmark_llist>? { cmark_parser_get_syntax_extensions(parser) }

    /// Takes `node` out of the tree without freeing it yet.
    package func detach(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        detached.append(node)
    }

    deinit {
        for node in detached { cmark_node_free(node) }
        cmark_node_free(root)
        cmark_parser_free(parser)
    }
}
