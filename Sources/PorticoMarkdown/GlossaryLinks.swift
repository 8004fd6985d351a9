import CCmarkGFM
import PorticoModel
import PorticoSupport

/// The glossary terms a text links to: the first use of each term (or one of its other
/// spellings), outside headings, links and code, links to its definition on the start page.
public struct GlossaryLinking: Sendable {
    package struct Entry: Sendable {
        /// Lower-case spellings that count as a use.
        package var spellings: [String]
        package var term: String
        package var href: String
    }

    package let entries: [Entry]

    package init(terms: [GlossaryTerm], page: String) {
        entries = terms.map { term in
            Entry(
                spellings: ([term.term] + term.aliases).map { $0.lowercased() }.filter { !$0.isEmpty },
                term: term.term, href: page + "#" + term.anchor)
        }
    }

    /// Adds the links to the document's text nodes, in reading order.
    package func apply(to root: OpaquePointer) {
        var pending = entries
        for node in Self.linkableText(in: root) {
            var current: OpaquePointer? = node
            while let text = current, !pending.isEmpty {
                current = link(in: text, pending: &pending)
            }
        }
    }

    /// Text nodes that are not inside a heading, a link or an image, raw HTML's `<a>` included.
    package static func linkableText(in root: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var excluded = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                excluded += event == CMARK_EVENT_ENTER ? 1 : -1
            } else if type == CMARK_NODE_CUSTOM_INLINE, event == CMARK_EVENT_ENTER {
                excluded += RawHTML.linksOpened(by: node)
            } else if type == CMARK_NODE_TEXT, event == CMARK_EVENT_ENTER, excluded == 0 {
                found.append(node)
            }
        }
        return found
    }

    /// Links the earliest pending term in `node`'s text; returns the text node after the link,
    /// where the search goes on, or nil when the text holds no pending term.
    private func link(in node: OpaquePointer, pending: inout [Entry]) -> OpaquePointer? {
        let literal = MarkdownNodes.literal(of: node)
        var best: (index: Int, range: Range<String.Index>)?
        for (index, entry) in pending.enumerated() {
            for spelling in entry.spellings {
                guard let range = Self.firstWord(spelling, in: literal) else { continue }
                if let earlier = best, earlier.range.lowerBound <= range.lowerBound { continue }
                best = (index, range)
            }
        }
        guard let best else { return nil }
        let entry = pending.remove(at: best.index)
        guard let anchor = cmark_node_new(CMARK_NODE_LINK), let label = cmark_node_new(CMARK_NODE_TEXT),
            let rest = cmark_node_new(CMARK_NODE_TEXT)
        else { return nil }
        cmark_node_set_url(anchor, entry.href)
        cmark_node_set_title(anchor, "Glossary: \(entry.term)")
        cmark_node_set_literal(label, String(literal[best.range]))
        cmark_node_append_child(anchor, label)
        cmark_node_set_literal(rest, String(literal[best.range.upperBound...]))
        cmark_node_set_literal(node, String(literal[..<best.range.lowerBound]))
        cmark_node_insert_after(node, anchor)
        cmark_node_insert_after(anchor, rest)
        return rest
    }

    /// The first place `word` stands as a whole word in `text`, ignoring case.
    package static func firstWord(_ word: String, in text: String) -> Range<String.Index>? {
        var start = text.startIndex
        while let range = text.range(of: word, options: .caseInsensitive, range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false)
                && !(after?.isLetter ?? false || after?.isNumber ?? false)
            {
                return range
            }
            start = range.upperBound
        }
        return nil
    }
}
