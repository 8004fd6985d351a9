import CCmarkGFM
import PorticoModel
import PorticoSupport

/// A page has one `<h1>`, its title, which the template shows. A body that opens by repeating the
/// title as `# Title` loses that heading; any other `#` heading pushes every heading one level
/// down, so the outline keeps its shape. Headings get GitHub-style anchors.
package enum HeadingRules {
    /// Heading anchors must not collide with ids the templates use.
    package static let reservedAnchors: Set<String> = ["main", "top", "content", "outline"]

    package static func apply(
        _ nodes: [OpaquePointer], title: String?, document: MarkdownDocument, place: NodePlace,
        findings: inout [Diagnostic]
    ) -> [Heading] {
        // Custom ids come off first, so `# Title {#top}` still matches the title.
        var customIDs = nodes.map(takeCustomID)
        var nodes = nodes
        if let title, let first = nodes.first, cmark_node_get_heading_level(first) == 1,
            normalised(MarkdownNodes.plainText(of: first)) == normalised(title)
        {
            document.detach(first)
            nodes.removeFirst()
            customIDs.removeFirst()
        }
        if let topLevel = nodes.first(where: { cmark_node_get_heading_level($0) == 1 }) {
            let text = MarkdownNodes.plainText(of: topLevel)
            findings.append(
                .warning(
                    "demoted-heading",
                    "'# \(text)' is shown one level down, and every other heading with it: "
                        + "the page title is the page's only level-1 heading",
                    at: place.of(topLevel), hint: "start the body's sections with '## '"))
            for node in nodes {
                cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + 1))
            }
        }
        // A heading never skips a level below the one before it (### after # becomes ##): the
        // outline stays a tree, as screen readers and the HTML checker expect.
        var previous = 1
        for node in nodes {
            let level = min(Int(cmark_node_get_heading_level(node)), previous + 1)
            cmark_node_set_heading_level(node, Int32(level))
            previous = level
        }
        var used = reservedAnchors
        return zip(nodes, customIDs).map { node, custom in
            let text = MarkdownNodes.plainText(of: node)
            let anchor: String
            if let custom, !used.contains(custom) {
                used.insert(custom)
                anchor = custom
            } else {
                anchor = uniqueSlug(text, used: &used)
            }
            return Heading(level: Int(cmark_node_get_heading_level(node)), text: text, anchor: anchor)
        }
    }

    /// A heading may set its own anchor at its end, as Pandoc, Hugo, kramdown and Python-Markdown
    /// let authors write it: `## Pricing {#pricing}` or `## Pricing {: #pricing .wide }`. The
    /// braces are removed from the text; the id is returned.
    package static func takeCustomID(_ node: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT else { return nil }
        let literal = MarkdownNodes.literal(of: last)
        var trimmed = literal[...]
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        let attributes = inside.drop { $0 == ":" }.split(separator: " ")
        guard let idAttribute = attributes.first(where: { $0.hasPrefix("#") }) else { return nil }
        let id = idAttribute.dropFirst()
        // The characters Pandoc and Docusaurus keep in explicit ids: `{#include.imports}`,
        // `{#step:2}`. A reader's link names the id as written, so none is changed.
        guard let first = id.first, first.isASCII, first.isLetter || first.isNumber || first == "_",
            id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
        else { return nil }
        var text = String(trimmed[..<open])
        while text.last?.isWhitespace == true { text.removeLast() }
        cmark_node_set_literal(last, text)
        return String(id)
    }

    package static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// GitHub-style slugs: lowercase letters and digits, words joined by '-', numbered when repeated.
    package static func uniqueSlug(_ text: String, used: inout Set<String>) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if character == " " || character == "-" || character == "_" {
                if !slug.isEmpty, slug.last != "-" { slug.append("-") }
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        var candidate = slug
        var number = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// cmark writes headings as bare `<hN>` tags, in document order, and (in safe mode) no raw
    /// HTML can add others, so the n-th bare heading tag belongs to the n-th heading.
    package static func addAnchors(_ html: String, headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = html[...]
        for heading in headings {
            let tag = "<h\(heading.level)>"
            guard let range = rest.firstUTF8Range(of: tag) else { break }
            output += rest[..<range.lowerBound]
            output += "<h\(heading.level) id=\"\(heading.anchor)\">"
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }
}
