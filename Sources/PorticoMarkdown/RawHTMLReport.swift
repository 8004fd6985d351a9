import PorticoModel
import PorticoSupport

/// Safe mode leaves raw HTML out of the page; an author who wrote it should hear so, once per
/// kind of tag in a text rather than at every occurrence. Comments are left out silently: they
/// were never meant to be seen.
package enum RawHTMLReport {
    package static func findings(_ nodes: [OpaquePointer], place: NodePlace) -> [Diagnostic] {
        var reported: Set<String> = []
        var findings: [Diagnostic] = []
        for node in nodes {
            guard let tag = tagName(MarkdownNodes.literal(of: node)), reported.insert(tag).inserted else { continue }
            findings.append(
                .warning(
                    "raw-html", "raw HTML <\(tag)> left out of the page: Portico renders Markdown only",
                    at: place.of(node),
                    hint: "write it in Markdown (lists, tables, links, images), or change the page's template"))
        }
        return findings
    }

    /// `div` for `<div class="x">` and `</div>`; nil for comments.
    package static func tagName(_ literal: String) -> String? {
        let text = literal.drop { $0.isWhitespace }
        guard text.hasPrefix("<"), !text.hasPrefix("<!--") else { return nil }
        var rest = text.dropFirst()
        if rest.hasPrefix("/") { rest = rest.dropFirst() }
        if rest.hasPrefix("!") || rest.hasPrefix("?") { return rest.hasPrefix("!") ? "!DOCTYPE" : "?" }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        return name.isEmpty ? nil : name.lowercased()
    }
}
