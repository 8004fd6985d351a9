import PorticoSupport

/// A table wider than a phone scrolls in its own box, rather than breaking its words mid-word or
/// pushing the whole page sideways. The box is a labelled region that takes focus, so that a
/// keyboard can scroll it too.
package enum TableScroll {
    package static let opening = "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">"

    /// cmark-gfm writes `<table>` only for a table, and the raw HTML sanitizer only for a table
    /// the author wrote (attributes are never kept on it); a `<table>` in code is escaped.
    package static func apply(_ html: String) -> String {
        guard html.containsUTF8("<table>") else { return html }
        return html.replacingOccurrences(of: "<table>", with: opening + "<table>")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
    }
}
