import CCmarkGFM
import PorticoModel
import PorticoSupport

/// The nodes of a document that the rules look at, collected in one walk so that the tree is
/// changed only after the walk.
package struct MarkdownNodes {
    package var headings: [OpaquePointer] = []
    /// Links and images.
    package var links: [OpaquePointer] = []
    package var rawHTML: [OpaquePointer] = []

    package init(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTML.append(node)
            default: break
            }
        }
    }

    /// The text of a node without markup, as a reader sees it.
    package static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    package static func url(of node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    package static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}

/// Where a node sits in its content file, for diagnostics: cmark counts from the start of the
/// Markdown text, which may begin inside a YAML file or after front matter.
package struct NodePlace {
    package let source: MarkdownSource

    package func of(_ node: OpaquePointer) -> SourceLocation {
        var location = source.start
        location.line += Int(cmark_node_get_start_line(node)) - 1
        location.column = Int(cmark_node_get_start_column(node)) + source.start.column - 1
        return location
    }

    package init(source: MarkdownSource) {
        self.source = source
    }
}
