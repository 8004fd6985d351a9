import CCmarkGFM
import PorticoModel
import PorticoSupport

/// Markdown as the plain-text part of an email: paragraphs, underlined headings, `-` lists,
/// links as `text <address>`. It applies the same heading and link rules as the HTML, so the two
/// parts of a message say the same things and link to the same pages.
package struct PlainTextRenderer {
    /// The text cut before each level-2 heading (as the HTML is), each part with its heading's
    /// text; the part before the first heading has none.
    package static func sections(_ source: MarkdownSource, context: MarkdownContext) -> [(
        heading: String?, text: String
    )] {
        let (text, _) = ControlCharacters.clean(source.text)
        let prepared = CalloutSource(text)
        guard let document = MarkdownDocument(prepared.text) else { return [] }
        let nodes = MarkdownNodes(document.root)
        let place = NodePlace(source: source)
        // Diagnostics were reported when the HTML was rendered; here they are not repeated.
        var ignored: [Diagnostic] = []
        let headings = HeadingRules.apply(
            nodes.headings, title: context.title, document: document, place: place, findings: &ignored)
        var links = LinkRules(
            context: context.links, document: document, place: place, ownAnchors: Set(headings.map(\.anchor)))
        links.apply(nodes.links, findings: &ignored)
        CalloutBlocks.apply(prepared.blocks, to: document)

        var parts: [(String?, String)] = []
        var heading: String?
        var blocks: [String] = []
        func close() {
            let body = blocks.joined(separator: "\n\n")
            if heading != nil || !body.isEmpty { parts.append((heading, body)) }
            blocks = []
        }
        var child = cmark_node_first_child(document.root)
        while let node = child {
            child = cmark_node_next(node)
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 2 {
                close()
                heading = MarkdownNodes.plainText(of: node)
            }
            let block = Self.block(node, indent: "")
            if !block.isEmpty { blocks.append(block) }
        }
        close()
        return parts
    }

    /// One block and what it holds, each line starting with `indent`.
    package static func block(_ node: OpaquePointer, indent: String) -> String {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return prefixed(inline(node), indent)
        case CMARK_NODE_HEADING:
            let text = inline(node)
            let rule = cmark_node_get_heading_level(node) <= 2 ? "-" : "·"
            return indent + text + "\n" + indent + String(repeating: rule, count: max(3, text.count))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var number = Int(cmark_node_get_list_start(node))
            var items: [String] = []
            var item = cmark_node_first_child(node)
            while let current = item {
                item = cmark_node_next(current)
                let marker = ordered ? "\(number). " : "- "
                number += 1
                let body = children(current, indent: String(repeating: " ", count: marker.count))
                    .drop { $0 == " " }
                items.append(indent + marker + body)
            }
            return items.joined(separator: "\n")
        case CMARK_NODE_BLOCK_QUOTE:
            return children(node, indent: indent + "> ")
        case CMARK_NODE_CODE_BLOCK:
            let code = MarkdownNodes.literal(of: node)
            return prefixed(String(code.hasSuffix("\n") ? code.dropLast() : code[...]), indent + "    ")
        case CMARK_NODE_THEMATIC_BREAK:
            return indent + "----"
        case CMARK_NODE_HTML_BLOCK:
            // The words the page shows of it, on one line: its layout is the page's to give.
            let words = HTMLFragment(MarkdownNodes.literal(of: node))?.visibleText
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return words.map { $0.isEmpty ? "" : indent + $0 } ?? ""
        case CMARK_NODE_CUSTOM_BLOCK:
            // A callout reads "Warning: its first paragraph"; a titled one ("Warning: Data loss")
            // has its title on a line of its own.
            let body = children(node, indent: indent)
            guard let title = CalloutBlocks.title(of: node) else { return body }
            if body.isEmpty { return indent + title }
            return title.contains(":")
                ? indent + title + "\n" + body : indent + title + ": " + body.dropFirst(indent.count)
        default:
            if let type = cmark_node_get_type_string(node), String(cString: type) == "table" {
                return table(node, indent: indent)
            }
            return children(node, indent: indent)
        }
    }

    private static func children(_ node: OpaquePointer, indent: String) -> String {
        var blocks: [String] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            child = cmark_node_next(current)
            let text = block(current, indent: indent)
            if !text.isEmpty { blocks.append(text) }
        }
        return blocks.joined(separator: "\n")
    }

    /// A table as rows of cells separated by ` | `.
    private static func table(_ node: OpaquePointer, indent: String) -> String {
        var rows: [String] = []
        var row = cmark_node_first_child(node)
        while let currentRow = row {
            row = cmark_node_next(currentRow)
            var cells: [String] = []
            var cell = cmark_node_first_child(currentRow)
            while let currentCell = cell {
                cell = cmark_node_next(currentCell)
                cells.append(inline(currentCell))
            }
            rows.append(indent + cells.joined(separator: " | "))
        }
        return rows.joined(separator: "\n")
    }

    /// The text of inline nodes: links keep their address, images their alt text.
    package static func inline(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            child = cmark_node_next(current)
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += MarkdownNodes.literal(of: current)
            case CMARK_NODE_SOFTBREAK:
                text += " "
            case CMARK_NODE_LINEBREAK:
                text += "\n"
            case CMARK_NODE_LINK:
                let label = inline(current)
                let url = MarkdownNodes.url(of: current)
                text += url.isEmpty || label == url || "mailto:" + label == url ? label : "\(label) <\(url)>"
            case CMARK_NODE_IMAGE:
                text += inline(current)
            case CMARK_NODE_HTML_INLINE:
                break
            default:
                text += inline(current)
            }
        }
        return text
    }

    private static func prefixed(_ text: String, _ indent: String) -> String {
        guard !indent.isEmpty else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
            .joined(separator: "\n")
    }
}
