import PorticoModel
import PorticoSupport

/// What the sanitizer left out of one piece of raw HTML, in the order it met it, so that the
/// author hears exactly what a reader will not see. Comments are left out silently: they were
/// never meant to be seen.
package struct HTMLDrops {
    /// `<script>`: the element and everything in it.
    package var elements: [String] = []
    /// `<font>`: the tags only, their text kept.
    package var tags: [String] = []
    /// `onclick`, `style`, `width="50%"`.
    package var attributes: [String] = []
    /// Addresses with a scheme that could run code or leave the page unsafe.
    package var addresses: [String] = []
    /// `<h2>`: shown as a bold paragraph.
    package var headings: [String] = []
    /// Said as they are: `a <source> without an address`.
    package var other: [String] = []
}

package enum RawHTMLReport {
    package static let hint =
        "raw HTML keeps images, tables, details and summary, kbd, sup, sub and a few other tags "
        + "(docs/content.md lists them); write the rest in Markdown"

    package static func finding(_ drops: HTMLDrops, at location: SourceLocation) -> Diagnostic? {
        var parts: [String] = []
        parts += counted(drops.elements).map { name, count in
            count == 1 ? "<\(name)> with its content" : "\(count) <\(name)> with their content"
        }
        parts += counted(drops.tags).map { name, count in
            count == 1 ? "the <\(name)> tag (its text kept)" : "\(count) <\(name)> tags (their text kept)"
        }
        let attributes = counted(drops.attributes)
        let once = attributes.filter { $0.1 == 1 }.map(\.0)
        if !once.isEmpty { parts.append("the " + listed(once) + (once.count == 1 ? " attribute" : " attributes")) }
        parts += attributes.filter { $0.1 > 1 }.map { name, count in "\(count) \(name) attributes" }
        parts += drops.addresses.map { "the unsafe address '\(URLSafety.shortened($0))'" }
        parts += drops.other
        let dropped = parts.isEmpty ? "" : "dropped " + listed(parts)
        let headings = counted(drops.headings).map { name, count in count == 1 ? "<\(name)>" : "\(count) <\(name)>" }
        let shown = headings.isEmpty ? "" : listed(headings) + " shown as bold text, outside the page's outline"
        let message = [dropped, shown].filter { !$0.isEmpty }.joined(separator: "; ")
        guard !message.isEmpty else { return nil }
        let hint = headings.isEmpty ? hint : hint + "; a heading as '## Heading'"
        return .warning("raw-html", "raw HTML: " + message, at: location, hint: hint)
    }

    /// Each name once, in the order first met, with how often it came.
    private static func counted(_ names: [String]) -> [(String, Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for name in names {
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return order.map { ($0, counts[$0] ?? 0) }
    }

    private static func listed(_ parts: [String]) -> String {
        guard let last = parts.last, parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
