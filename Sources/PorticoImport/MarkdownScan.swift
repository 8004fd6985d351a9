import CCmarkGFM
import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// What the importer needs from cmark-gfm's parse of a body: each link and image with its
/// destination, which lines hold code, the first top-level heading and the paragraphs. Parsing
/// with the same library Portico renders with means a link is rewritten exactly when Portico
/// would have seen a link there.
package struct MarkdownScan: Sendable {
    package struct Link: Sendable {
        package var url: String
        /// Line and byte column (from 1) of the node's last character. cmark places the end of
        /// a link reliably; its start is off when the link text spans lines.
        package var endLine: Int
        package var endColumn: Int
    }

    package struct Paragraph: Sendable {
        package var line: Int
        /// The text as a reader sees it: no Markdown, no image descriptions, one line.
        package var text: String
    }

    package var links: [Link] = []
    /// Body lines inside fenced or indented code blocks, fences included.
    package var codeLines: Set<Int> = []
    /// Lines covered by a block cmark kept; a reference definition's line is not among them.
    package var blockLines: Set<Int> = []
    /// The text of the first level-1 heading.
    package var firstHeading: String?
    /// Top-level paragraphs in order.
    package var paragraphs: [Paragraph] = []

    package static func parse(_ body: String) -> MarkdownScan {
        // Creating a renderer registers the GFM extensions; MarkdownDocument then parses with
        // the renderer's own options and extensions.
        _ = MarkdownRenderer()
        guard let parsed = MarkdownDocument(body) else { return MarkdownScan() }
        // The tree lives as long as `parsed`; keep it alive until the walk is over.
        return withExtendedLifetime(parsed) { read(parsed.root) }
    }

    private static func read(_ document: OpaquePointer) -> MarkdownScan {
        var scan = MarkdownScan()
        guard let iterator = cmark_iter_new(document) else { return scan }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let first = Int(cmark_node_get_start_line(node))
            let last = max(first, Int(cmark_node_get_end_line(node)))
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                scan.links.append(
                    Link(
                        url: url, endLine: Int(cmark_node_get_end_line(node)),
                        endColumn: Int(cmark_node_get_end_column(node))))
            case CMARK_NODE_CODE_BLOCK:
                scan.codeLines.formUnion(first...last)
                scan.blockLines.formUnion(first...last)
            case CMARK_NODE_HEADING:
                scan.blockLines.formUnion(first...last)
                if scan.firstHeading == nil, cmark_node_get_heading_level(node) == 1 {
                    let text = plainText(of: node)
                    if !text.isEmpty { scan.firstHeading = text }
                }
            case CMARK_NODE_PARAGRAPH:
                scan.blockLines.formUnion(first...last)
                if cmark_node_parent(node) == document {
                    scan.paragraphs.append(Paragraph(line: first, text: plainText(of: node)))
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                scan.blockLines.formUnion(first...last)
            default:
                // GFM tables and footnote definitions: their lines are never reference definitions.
                let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
                if name == "table" || name == "footnote_definition", first > 0 {
                    scan.blockLines.formUnion(first...last)
                }
            }
        }
        return scan
    }

    /// Text and code, with line breaks as spaces; image descriptions are left out, since a
    /// summary made from them reads as nonsense.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var images = 0
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_IMAGE {
                images += event == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            guard event == CMARK_EVENT_ENTER, images == 0 else { continue }
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return FrontMatterMapping.oneLine(text)
    }
}
