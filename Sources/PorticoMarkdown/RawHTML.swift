import CCmarkGFM
import Foundation
import PorticoModel
import PorticoSupport

/// Raw HTML in Markdown, kept as far as `HTMLAllowlist` allows. cmark hands it over in pieces
/// (`<details>`, a Markdown paragraph, `</details>`; `<kbd>`, text, `</kbd>`), so the pieces
/// under one parent are parsed together, with a marker where cmark's own output goes between
/// them, and each is replaced by its share of the sanitized result. The renderer stays in safe
/// mode: only these replacements, never the HTML as written, reach the page.
package enum RawHTML {
    package static func apply(
        _ nodes: [OpaquePointer], document: MarkdownDocument, place: NodePlace, links: inout LinkRules,
        findings: inout [Diagnostic]
    ) {
        var groups: [[OpaquePointer]] = []
        var groupOfParent: [OpaquePointer?: Int] = [:]
        for node in nodes {
            let parent = cmark_node_parent(node)
            if let index = groupOfParent[parent] {
                groups[index].append(node)
            } else {
                groupOfParent[parent] = groups.count
                groups.append([node])
            }
        }
        for group in groups {
            let locations = group.map { place.of($0) }
            let literals = group.map { MarkdownNodes.literal(of: $0) }
            let isBlock = group.first.map { cmark_node_get_type($0) == CMARK_NODE_HTML_BLOCK } ?? false
            let between = [false] + zip(group, group.dropFirst()).map { contentBetween($0, $1) }
            dropRawTextContent(group, literals: literals, document: document)
            // A marker that a <script> swallowed, or that landed where cmark's output cannot
            // stand (in an unclosed <table>), ends the run of pieces parsed together there; the
            // rest are parsed anew, so that an author's slip stays near where it was made.
            var results: [(html: String, drops: HTMLDrops)] = []
            var start = 0
            while start < group.count {
                var end = group.count
                var attempt = sanitized(
                    literals[start..<end], locations[start..<end], between[start..<end], isBlock: isBlock,
                    links: &links, findings: &findings)
                while attempt.reached < end - start {
                    end = start + attempt.reached
                    attempt = sanitized(
                        literals[start..<end], locations[start..<end], between[start..<end], isBlock: isBlock,
                        links: &links, findings: &findings)
                }
                results += attempt.results
                start = end
            }
            for (node, result) in zip(group, results) {
                if let finding = RawHTMLReport.finding(result.drops, at: place.of(node)) { findings.append(finding) }
                // A block's own line ends and indent are not content: cmark puts blocks on lines of their own.
                let html = isBlock ? result.html.trimmingCharacters(in: .whitespacesAndNewlines) : result.html
                replace(node, by: html, isBlock: isBlock, document: document)
            }
        }
    }

    /// The pieces' sanitized HTML when all `literals` parsed as one, or else how many of them
    /// did, with nothing reported or recorded yet.
    private static func sanitized(
        _ literals: ArraySlice<String>, _ locations: ArraySlice<SourceLocation>, _ between: ArraySlice<Bool>,
        isBlock: Bool, links: inout LinkRules, findings: inout [Diagnostic]
    ) -> (results: [(html: String, drops: HTMLDrops)], reached: Int) {
        // A marker the author could guess would let them choose where cmark's output goes.
        let token = String(UInt64.random(in: 1...UInt64.max), radix: 36)
        var html = ""
        for (index, literal) in literals.enumerated() {
            if index > 0 { html += "<\(HTMLSanitizer.marker) n=\"\(index)-\(token)\"></\(HTMLSanitizer.marker)>" }
            html += literal
        }
        guard let fragment = HTMLFragment(html) else {
            return (literals.map { _ in ("", HTMLDrops()) }, literals.count)
        }
        var sanitizer = HTMLSanitizer(
            locations: Array(locations), token: token, isBlock: isBlock, needsRoom: Array(between))
        // Findings about links wait until the pieces are known to line up, so none is told twice.
        var linkFindings: [Diagnostic] = []
        var trial = links
        sanitizer.write(fragment, links: &trial, findings: &linkFindings)
        guard sanitizer.pieces.count == literals.count else { return ([], sanitizer.pieces.count) }
        links = trial
        findings += linkFindings
        return (Array(zip(sanitizer.pieces, sanitizer.drops)), literals.count)
    }

    /// Whether cmark writes anything but white space between two sibling nodes.
    private static func contentBetween(_ first: OpaquePointer, _ second: OpaquePointer) -> Bool {
        var next = cmark_node_next(first)
        while let node = next, node != second {
            let type = cmark_node_get_type(node)
            let blank =
                type == CMARK_NODE_SOFTBREAK
                || type == CMARK_NODE_TEXT && MarkdownNodes.literal(of: node).allSatisfy(\.isWhitespace)
            if !blank { return true }
            next = cmark_node_next(node)
        }
        return next == nil
    }

    private static let rawText: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]

    /// `script` for `<script src="x">`: an element whose content an HTML parser reads as text.
    static func rawTextElement(opened literal: String) -> String? {
        guard literal.hasPrefix("<") else { return nil }
        let name = literal.dropFirst().prefix { $0.isLetter }.lowercased()
        return rawText.contains(name) ? name : nil
    }

    /// In a paragraph, `<script>alert(1)</script>` comes as three nodes, the middle one text:
    /// like the browser, the page should not show what was code.
    private static func dropRawTextContent(_ group: [OpaquePointer], literals: [String], document: MarkdownDocument) {
        guard let first = group.first, cmark_node_get_type(first) == CMARK_NODE_HTML_INLINE else { return }
        for (index, node) in group.enumerated() {
            guard let name = rawTextElement(opened: literals[index]),
                let end = group[(index + 1)...].first(where: {
                    MarkdownNodes.literal(of: $0).lowercased().hasPrefix("</" + name)
                })
            else { continue }
            var between: [OpaquePointer] = []
            var next = cmark_node_next(node)
            while let sibling = next, sibling != end {
                if cmark_node_get_type(sibling) != CMARK_NODE_HTML_INLINE { between.append(sibling) }
                next = cmark_node_next(sibling)
            }
            guard next == end else { continue }
            for sibling in between { document.detach(sibling) }
        }
    }

    /// How many `<a>` a sanitized inline piece opens, less those it closes: the text after an
    /// open one is inside a link, where a glossary link would nest. Sanitized text has every `<`
    /// escaped, so only tags match.
    package static func linksOpened(by node: OpaquePointer) -> Int {
        let html = cmark_node_get_on_enter(node).map { String(cString: $0) } ?? ""
        let opened = html.components(separatedBy: "<a ").count + html.components(separatedBy: "<a>").count - 2
        return opened - (html.components(separatedBy: "</a>").count - 1)
    }

    /// cmark writes a custom node's text as it is, in safe mode too.
    private static func replace(_ node: OpaquePointer, by html: String, isBlock: Bool, document: MarkdownDocument) {
        if !html.isEmpty, let custom = cmark_node_new(isBlock ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) {
            cmark_node_set_on_enter(custom, html)
            if cmark_node_insert_before(node, custom) == 0 { cmark_node_free(custom) }
        }
        document.detach(node)
    }
}
