import CCmarkGFM
import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Finds the sections a brief's body writes and where it asks for referrals.
package enum BriefOutlineReader {
    /// Phrases that ask a partner for referrals (docs/content.md lists them). A brief gives
    /// before it asks: more than one ask is warned about.
    package static let askPhrases = [
        "refer a ", "refer your ", "refer more", "send us a referral", "send us referrals", "send referrals",
        "send a referral", "any referrals", "introduce us", "make an introduction", "register a deal",
        "register your deal", "pass us a lead", "send us leads",
    ]

    package static func read(_ body: MarkdownSource) -> BriefOutline {
        guard let document = MarkdownDocument(body.text) else { return BriefOutline() }
        let place = NodePlace(source: body)
        var outline = BriefOutline()
        var current: BriefOutline.Section?
        var child = cmark_node_first_child(document.root)
        while let node = child {
            child = cmark_node_next(node)
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) <= 2 {
                current = BriefOutline.Section.named(MarkdownNodes.plainText(of: node))
                continue
            }
            // A section holding only comments is empty: Portico fills it in.
            if let section = current, !isComment(node) {
                outline.written.insert(section)
            }
        }
        outline.asks = asks(in: document.root, place: place)
        return outline
    }

    private static func isComment(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK else { return false }
        let text = MarkdownNodes.literal(of: node).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasPrefix("<!--") && text.hasSuffix("-->")
    }

    /// Links to the refer pages, and ask phrases in the text (not in code), in reading order.
    package static func asks(in root: OpaquePointer, place: NodePlace) -> [SourceLocation] {
        var found: [SourceLocation] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        // The words of a link to the refer pages are part of that one ask.
        var askLink: OpaquePointer?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                if node == askLink { askLink = nil }
                continue
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK where askLink == nil && isReferPage(MarkdownNodes.url(of: node)):
                found.append(place.of(node))
                askLink = node
            case CMARK_NODE_TEXT where askLink == nil:
                let text = MarkdownNodes.literal(of: node).lowercased()
                var start = text.startIndex
                while let match = askPhrases.compactMap({ text.range(of: $0, range: start..<text.endIndex) })
                    .min(by: { $0.lowerBound < $1.lowerBound })
                {
                    var location = place.of(node)
                    location.column += text.distance(from: text.startIndex, to: match.lowerBound)
                    found.append(location)
                    start = match.upperBound
                }
            default:
                break
            }
        }
        return found
    }

    /// `../refer/`, `/refer/register/`, `refer/index.html`: any link into the refer pages.
    package static func isReferPage(_ url: String) -> Bool {
        guard !url.contains(":") else { return false }
        let path = url.split(whereSeparator: { $0 == "?" || $0 == "#" }).first ?? ""
        return path.split(separator: "/").contains("refer")
    }
}
