import CCmarkGFM
import Foundation

/// Turns callouts into asides on cmark's tree: the blocks `CalloutSource` marked with `***` at
/// known lines, and GitHub's alerts, blockquotes whose first line is `[!NOTE]`. Each becomes a
/// custom block, which cmark writes with the HTML given here around its rendered children, so
/// the body keeps every Markdown rule (links checked, headings outlined, search text).
package enum CalloutBlocks {
    package static let gitHubKinds: Set<String> = ["note", "tip", "important", "warning", "caution"]

    package static func apply(_ blocks: [CalloutBlock], to document: MarkdownDocument) {
        var breaks: [Int: OpaquePointer] = [:]
        var quotes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document.root) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_THEMATIC_BREAK: breaks[Int(cmark_node_get_start_line(node))] = node
                case CMARK_NODE_BLOCK_QUOTE: quotes.append(node)
                default: break
                }
            }
        }
        // Outer callouts first: an inner one moves with its markers into the outer aside, where
        // its markers are still siblings.
        for block in blocks {
            guard let open = breaks[block.openLine],
                let callout = newCallout(block.kind, block.title, block.collapsible)
            else { continue }
            let close = block.closeLine.flatMap { breaks[$0] }
            guard cmark_node_insert_before(open, callout) == 1 else {
                cmark_node_free(callout)
                continue
            }
            var next = cmark_node_next(open)
            while let node = next, node != close, Int(cmark_node_get_start_line(node)) <= block.lastLine {
                next = cmark_node_next(node)
                cmark_node_append_child(callout, node)
            }
            document.detach(open)
            // A closing marker that ended up elsewhere (a list item closed early) still goes.
            if let close { document.detach(close) }
        }
        for quote in quotes { gitHubAlert(quote, document: document) }
    }

    /// `> [!WARNING]` alone on a blockquote's first line.
    private static func gitHubAlert(_ quote: OpaquePointer, document: MarkdownDocument) {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return }
        // cmark keeps `[`, the word and `]` as separate text nodes when no link is found.
        var firstLine: [OpaquePointer] = []
        var text = ""
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                firstLine.append(node)
                break
            }
            guard type == CMARK_NODE_TEXT else { return }
            text += MarkdownNodes.literal(of: node)
            firstLine.append(node)
            child = cmark_node_next(node)
        }
        let marker = text.trimmingSpaces
        guard marker.hasPrefix("[!"), marker.hasSuffix("]") else { return }
        let word = marker.dropFirst(2).dropLast()
        guard gitHubKinds.contains(word.lowercased()), let kind = CalloutKind(word),
            let callout = newCallout(kind, nil, nil), cmark_node_insert_before(quote, callout) == 1
        else { return }
        for node in firstLine { document.detach(node) }
        if cmark_node_first_child(paragraph) == nil { document.detach(paragraph) }
        while let node = cmark_node_first_child(quote) { cmark_node_append_child(callout, node) }
        document.detach(quote)
    }

    private static func newCallout(_ kind: CalloutKind, _ title: String?, _ collapsible: CalloutBlock.Collapsible?)
        -> OpaquePointer?
    {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        let heading = escaped(kind.heading(title))
        let classes = "callout callout-\(kind.style)"
        if let collapsible {
            // `<details>` takes no role: its summary names it, with the kind's word.
            let open = collapsible == .open ? " open" : ""
            cmark_node_set_on_enter(
                node, "<details class=\"\(classes)\"\(open)>\n<summary class=\"callout-title\">\(heading)</summary>")
            cmark_node_set_on_exit(node, "</details>")
        } else {
            cmark_node_set_on_enter(
                node,
                "<aside class=\"\(classes)\" role=\"note\" aria-label=\"\(escaped(kind.label))\">\n"
                    + "<p class=\"callout-title\">\(heading)</p>")
            cmark_node_set_on_exit(node, "</aside>")
        }
        return node
    }

    /// The title as the reader wrote it, for plain text: nil for any other custom block.
    package static func title(of node: OpaquePointer) -> String? {
        guard cmark_node_get_type(node) == CMARK_NODE_CUSTOM_BLOCK, let enter = cmark_node_get_on_enter(node) else {
            return nil
        }
        let html = String(cString: enter)
        guard let start = html.range(of: "class=\"callout-title\">"),
            let end = html.range(of: "</", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func escaped(_ text: String) -> String {
        HTMLSanitizer.escaped(text, quotes: true)
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var text = self[...]
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
