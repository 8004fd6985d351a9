import CLibXML2
import PorticoModel
import PorticoSupport

/// Writes a parsed fragment back as HTML, keeping only `HTMLAllowlist`: the output is
/// well-formed whatever the input was, since it is written from a tree. The fragment may hold
/// the raw HTML of several cmark nodes, parted by `<portico-md n="…">` markers where cmark's own
/// output goes between them: each marker starts the next piece.
package struct HTMLSanitizer {
    package static let marker = "portico-md"

    package private(set) var pieces: [String] = [""]
    package private(set) var drops: [HTMLDrops] = [HTMLDrops()]
    let expected: Int
    let locations: [SourceLocation]
    let token: String
    let isBlock: Bool
    /// By piece: whether cmark writes something before it, which must fit where its marker is.
    let needsRoom: [Bool]

    /// `locations` are those of the pieces, for what is reported about their links; `token` ends
    /// each marker's number; `isBlock` says whether cmark's output between them is blocks.
    package init(locations: [SourceLocation], token: String, isBlock: Bool, needsRoom: [Bool]) {
        self.needsRoom = needsRoom
        self.locations = locations
        self.expected = locations.count
        self.token = token
        self.isBlock = isBlock
    }

    private var piece: Int { pieces.count - 1 }

    /// Walks the tree without recursion, so that deeply nested HTML cannot exhaust the stack.
    package mutating func write(
        _ fragment: HTMLFragment, links: inout LinkRules, findings: inout [Diagnostic]
    ) {
        // The end tag to write when each open element is left ("" writes none).
        var closing: [String] = []
        var node = fragment.first
        while let current = node {
            var end: String?
            switch current.pointee.type {
            case XML_ELEMENT_NODE: end = enter(current, links: &links, findings: &findings)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: pieces[piece] += Self.escaped(HTMLFragment.text(of: current))
            default: break
            }
            if let end {
                if let child = current.pointee.children {
                    closing.append(end)
                    node = child
                    continue
                }
                pieces[piece] += end
            }
            var at = current
            while at.pointee.next == nil, let parent = at.pointee.parent, let end = closing.popLast() {
                pieces[piece] += end
                at = parent
            }
            node = at.pointee.next
        }
    }

    /// Writes the start of an element; returns its end tag, or nil to leave out what it holds.
    private mutating func enter(
        _ node: xmlNodePtr, links: inout LinkRules, findings: inout [Diagnostic]
    ) -> String? {
        let name = HTMLFragment.name(of: node)
        if name == Self.marker {
            let next = HTMLFragment.attributes(of: node).first { $0.name == "n" }?.value
            if pieces.count < expected, next == "\(pieces.count)-\(token)",
                !needsRoom[pieces.count] || fits(node)
            {
                pieces.append("")
                drops.append(HTMLDrops())
                return nil
            }
        }
        if name == HTMLFragment.wrapper, node.pointee.parent?.pointee.type == XML_HTML_DOCUMENT_NODE { return "" }
        if HTMLAllowlist.droppedWithContent.contains(name) {
            drops[piece].elements.append(name)
            return nil
        }
        if HTMLAllowlist.headings.contains(name) {
            drops[piece].headings.append(name)
            pieces[piece] += "<p><strong>"
            return "</strong></p>"
        }
        guard let allowed = HTMLAllowlist.elements[name] else {
            drops[piece].tags.append(name)
            return ""
        }
        var tag = "<" + name
        var hasAlt = false
        var source = ""
        var hasSourceSet = false
        var hadAddress = false
        for (attribute, value) in HTMLFragment.attributes(of: node) {
            guard allowed.contains(attribute) else {
                drops[piece].attributes.append(attribute)
                continue
            }
            var value = value
            if HTMLAllowlist.integers.contains(attribute) {
                value = value.trimmed(.whitespace)
                guard !value.isEmpty, value.utf8.count < 10, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    drops[piece].attributes.append("\(attribute)=\"\(value)\"")
                    continue
                }
            } else if HTMLAllowlist.addresses.contains(attribute) {
                hadAddress = hadAddress || attribute == "src"
                guard let address = address(value, isImage: attribute == "src", links: &links, findings: &findings)
                else { continue }
                value = address
                if attribute == "src" { source = value }
            } else if attribute == "srcset" {
                hadAddress = true
                value = sourceSet(value, links: &links, findings: &findings)
                if value.isEmpty { continue }
                hasSourceSet = true
            }
            hasAlt = hasAlt || attribute == "alt"
            tag += " \(attribute)=\"\(Self.escaped(value, quotes: true))\""
        }
        // Valid HTML wants an address on both; one that was unsafe is reported already.
        if name == "img" && source.isEmpty || name == "source" && !hasSourceSet {
            if !hadAddress { drops[piece].other.append((name == "img" ? "an" : "a") + " <\(name)> without an address") }
            return nil
        }
        if name == "img", !hasAlt {
            // Valid HTML needs the attribute; an empty one at least keeps screen readers quiet.
            tag += " alt=\"\""
            findings.append(
                .warning(
                    "image-without-alt", "image '\(URLSafety.shortened(source))' has no alt text",
                    at: locations[piece],
                    hint: "say what it shows, as in <img src=\"calendar.png\" alt=\"Door calendar for Monday\">"))
        }
        pieces[piece] += tag + ">"
        return HTMLAllowlist.void.contains(name) ? "" : "</\(name)>"
    }

    /// Whether cmark's output can stand where the marker is: blocks in an element that holds
    /// blocks, text in one that holds text. An unclosed `<table>` would otherwise take in the
    /// paragraphs after it; a marker that does not fit leaves the pieces to be read one by one.
    private func fits(_ marker: xmlNodePtr) -> Bool {
        var parent = marker.pointee.parent
        while let element = parent, element.pointee.type == XML_ELEMENT_NODE {
            let name = HTMLFragment.name(of: element)
            if name == HTMLFragment.wrapper { return true }
            if HTMLAllowlist.elements[name] != nil || HTMLAllowlist.headings.contains(name) {
                return isBlock ? HTMLAllowlist.holdingBlocks.contains(name) : !HTMLAllowlist.holdingRows.contains(name)
            }
            parent = element.pointee.parent
        }
        return true
    }

    /// A safe address as the site publishes it; nil, and reported, for an unsafe one.
    private mutating func address(
        _ url: String, isImage: Bool, links: inout LinkRules, findings: inout [Diagnostic]
    ) -> String? {
        guard URLSafety.isSafe(url) else {
            drops[piece].addresses.append(url)
            return nil
        }
        return links.resolve(url, isImage: isImage, at: locations[piece], findings: &findings) ?? url
    }

    /// `a.png 1x, b.png 2x` with each address checked and resolved; unsafe candidates are left out.
    private mutating func sourceSet(_ value: String, links: inout LinkRules, findings: inout [Diagnostic]) -> String {
        var candidates: [String] = []
        for candidate in value.split(separator: ",") {
            let words = candidate.split(whereSeparator: \.isWhitespace)
            guard let url = words.first,
                let resolved = address(String(url), isImage: true, links: &links, findings: &findings)
            else { continue }
            candidates.append(([resolved] + words.dropFirst().map(String.init)).joined(separator: " "))
        }
        return candidates.joined(separator: ", ")
    }

    package static func escaped(_ text: String, quotes: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\u{A0}": result += "&nbsp;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
